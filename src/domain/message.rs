//! Interface messages as values: a key and its arguments, put into words (by `i18n`) only once
//! the reader's language is known.

/// A value a message is given: text, a number (grouped, and chosen on by plurals), the label of
/// a form field, or another message put into words first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Number(i64),
    /// The label of the form field so named, as the form shows it (`field-<name>`).
    Field(&'static str),
    Message(Box<Message>),
}

/// An interface message with its arguments, to be put into words once the reader's language is
/// known: a reason a form was refused, a notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    key: &'static str,
    args: Vec<(&'static str, Arg)>,
}

impl Message {
    pub fn new(key: &'static str) -> Self {
        Self {
            key,
            args: Vec::new(),
        }
    }

    pub fn text(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, Arg::Text(value.into())));
        self
    }

    pub fn number(mut self, name: &'static str, value: impl Into<i64>) -> Self {
        self.args.push((name, Arg::Number(value.into())));
        self
    }

    /// `name` is the label of the form field `field`.
    pub fn field(mut self, name: &'static str, field: &'static str) -> Self {
        self.args.push((name, Arg::Field(field)));
        self
    }

    pub fn message(mut self, name: &'static str, message: Message) -> Self {
        self.args.push((name, Arg::Message(Box::new(message))));
        self
    }

    pub fn key(&self) -> &'static str {
        self.key
    }

    pub fn args(&self) -> &[(&'static str, Arg)] {
        &self.args
    }
}
