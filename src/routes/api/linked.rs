//! Writes read models as JSON in which every record named by its `slug` also carries its page
//! (`url`) and its API resource (`href`). The links are added while the JSON is written, so a
//! response is serialised once, straight from the read model.

use crate::domain::{PublicUrl, RecordKind};
use serde::Serialize;
use serde::ser::{
    SerializeMap, SerializeSeq, SerializeStruct, SerializeStructVariant, SerializeTuple,
    SerializeTupleStruct, SerializeTupleVariant, Serializer,
};

/// `value`, written with links.
pub struct Linked<'a, T: ?Sized> {
    value: &'a T,
    place: Place<'a>,
}

impl<'a, T: ?Sized> Linked<'a, T> {
    /// `kind` is the kind of record `value` is (or holds a list of), where that is known.
    pub fn new(value: &'a T, kind: Option<RecordKind>, site: &'a PublicUrl) -> Self {
        Place { kind, site }.of(value)
    }
}

impl<T: ?Sized + Serialize> Serialize for Linked<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(Linking {
            inner: serializer,
            place: self.place,
        })
    }
}

/// Where a value sits: the kind of record it is (or holds), where known, and the portal's
/// address for its links.
#[derive(Clone, Copy)]
struct Place<'a> {
    kind: Option<RecordKind>,
    site: &'a PublicUrl,
}

impl<'a> Place<'a> {
    fn of<'v, T: ?Sized>(self, value: &'v T) -> Linked<'v, T>
    where
        'a: 'v,
    {
        Linked { value, place: self }
    }

    /// The place of a field of this object, by the field's name: a page of records
    /// (`{"items": […], "total": …}`) holds records of its own kind.
    fn field(self, name: &str) -> Self {
        let kind = if name == "items" {
            self.kind
        } else {
            related(name)
        };
        Self { kind, ..self }
    }

    /// The API resource and the page of the record whose `slug` field this is, if this object
    /// is a record of a known kind.
    fn links_for<T: ?Sized + Serialize>(self, name: &str, slug: &T) -> Option<[String; 2]> {
        let kind = self.kind.filter(|_| name == "slug")?;
        let serde_json::Value::String(slug) = serde_json::to_value(slug).ok()? else {
            return None;
        };
        Some(record_links(self.site, kind, &slug))
    }
}

/// The API resource and the page of the record of `kind` named `slug`.
pub fn record_links(site: &PublicUrl, kind: RecordKind, slug: &str) -> [String; 2] {
    let page = kind.page(slug);
    // Joined in one allocation each: `format!` took a third of the time of writing a list.
    [
        [site.as_str(), "/api/v1", &page].concat(),
        [site.as_str(), &page].concat(),
    ]
}

/// The kind of record that a field of a read model names, by the field's name.
fn related(field: &str) -> Option<RecordKind> {
    Some(match field {
        "agreement" | "agreements" => RecordKind::Agreement,
        "meeting" | "meetings" => RecordKind::Meeting,
        "delegation" | "delegations" | "during" => RecordKind::Delegation,
        "mous" | "mous_signed" | "renews" | "renewed_by" => RecordKind::Mou,
        "organisation" | "organisations" | "parties" => RecordKind::Organisation,
        "people" | "leader" | "members" | "co_chairs" | "signatories" | "witnesses" => {
            RecordKind::Person
        }
        "areas" => RecordKind::Area,
        "statements" => RecordKind::Statement,
        _ => return None,
    })
}

/// A serializer that hands everything to `inner`, adding the links to records on the way.
struct Linking<'a, S> {
    inner: S,
    place: Place<'a>,
}

impl<'a, S: Serializer> Linking<'a, S> {
    /// Starts a list, map or object with `start`, to write its parts with links.
    fn nested<C>(
        self,
        start: impl FnOnce(S) -> Result<C, S::Error>,
    ) -> Result<Nested<'a, C>, S::Error> {
        Ok(Nested {
            inner: start(self.inner)?,
            place: self.place,
        })
    }
}

macro_rules! forward {
    ($($method:ident($($argument:ident: $type:ty),*);)*) => {$(
        fn $method(self, $($argument: $type),*) -> Result<S::Ok, S::Error> {
            self.inner.$method($($argument),*)
        }
    )*};
}

impl<'a, S: Serializer> Serializer for Linking<'a, S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = Nested<'a, S::SerializeSeq>;
    type SerializeTuple = Nested<'a, S::SerializeTuple>;
    type SerializeTupleStruct = Nested<'a, S::SerializeTupleStruct>;
    type SerializeTupleVariant = Nested<'a, S::SerializeTupleVariant>;
    type SerializeMap = Nested<'a, S::SerializeMap>;
    type SerializeStruct = Nested<'a, S::SerializeStruct>;
    type SerializeStructVariant = Nested<'a, S::SerializeStructVariant>;

    forward! {
        serialize_bool(value: bool);
        serialize_i8(value: i8);
        serialize_i16(value: i16);
        serialize_i32(value: i32);
        serialize_i64(value: i64);
        serialize_i128(value: i128);
        serialize_u8(value: u8);
        serialize_u16(value: u16);
        serialize_u32(value: u32);
        serialize_u64(value: u64);
        serialize_u128(value: u128);
        serialize_f32(value: f32);
        serialize_f64(value: f64);
        serialize_char(value: char);
        serialize_str(value: &str);
        serialize_bytes(value: &[u8]);
        serialize_none();
        serialize_unit();
        serialize_unit_struct(name: &'static str);
        serialize_unit_variant(name: &'static str, index: u32, variant: &'static str);
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<S::Ok, S::Error> {
        let value = self.place.of(value);
        self.inner.serialize_some(&value)
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        let value = self.place.of(value);
        self.inner.serialize_newtype_struct(name, &value)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        let value = self.place.of(value);
        self.inner
            .serialize_newtype_variant(name, index, variant, &value)
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq, S::Error> {
        self.nested(|inner| inner.serialize_seq(len))
    }

    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple, S::Error> {
        self.nested(|inner| inner.serialize_tuple(len))
    }

    fn serialize_tuple_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct, S::Error> {
        self.nested(|inner| inner.serialize_tuple_struct(name, len))
    }

    fn serialize_tuple_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant, S::Error> {
        self.nested(|inner| inner.serialize_tuple_variant(name, index, variant, len))
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Self::SerializeMap, S::Error> {
        self.nested(|inner| inner.serialize_map(len))
    }

    fn serialize_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStruct, S::Error> {
        self.nested(|inner| inner.serialize_struct(name, len))
    }

    fn serialize_struct_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStructVariant, S::Error> {
        self.nested(|inner| inner.serialize_struct_variant(name, index, variant, len))
    }
}

/// A list, map or object being written: its items sit where it does; its fields, where their
/// names say.
struct Nested<'a, C> {
    inner: C,
    place: Place<'a>,
}

macro_rules! items {
    ($($trait:ident: $method:ident;)*) => {$(
        impl<C: $trait> $trait for Nested<'_, C> {
            type Ok = C::Ok;
            type Error = C::Error;

            fn $method<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), C::Error> {
                let value = self.place.of(value);
                self.inner.$method(&value)
            }

            fn end(self) -> Result<C::Ok, C::Error> {
                self.inner.end()
            }
        }
    )*};
}

items! {
    SerializeSeq: serialize_element;
    SerializeTuple: serialize_element;
    SerializeTupleStruct: serialize_field;
    SerializeTupleVariant: serialize_field;
}

// A map's values (the languages of a text) name no record.
impl<C: SerializeMap> SerializeMap for Nested<'_, C> {
    type Ok = C::Ok;
    type Error = C::Error;

    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), C::Error> {
        self.inner.serialize_key(key)
    }

    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), C::Error> {
        self.inner.serialize_value(value)
    }

    fn end(self) -> Result<C::Ok, C::Error> {
        self.inner.end()
    }
}

macro_rules! fields {
    ($($trait:ident;)*) => {$(
        impl<C: $trait> $trait for Nested<'_, C> {
            type Ok = C::Ok;
            type Error = C::Error;

            fn serialize_field<T: ?Sized + Serialize>(
                &mut self,
                name: &'static str,
                value: &T,
            ) -> Result<(), C::Error> {
                let links = self.place.links_for(name, value);
                let field = self.place.field(name).of(value);
                self.inner.serialize_field(name, &field)?;
                if let Some([api, page]) = links {
                    self.inner.serialize_field("href", &api)?;
                    self.inner.serialize_field("url", &page)?;
                }
                Ok(())
            }

            fn skip_field(&mut self, name: &'static str) -> Result<(), C::Error> {
                self.inner.skip_field(name)
            }

            fn end(self) -> Result<C::Ok, C::Error> {
                self.inner.end()
            }
        }
    )*};
}

fields! {
    SerializeStruct;
    SerializeStructVariant;
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(Serialize)]
    struct Party {
        slug: &'static str,
        name: &'static str,
    }

    #[derive(Serialize)]
    struct Listing {
        items: Vec<Party>,
        total: i64,
    }

    #[derive(Serialize)]
    struct Mou {
        slug: &'static str,
        parties: Vec<Party>,
        witness: Option<Party>,
        leader: Option<Party>,
        statements: Listing,
    }

    fn write(value: &Mou) -> serde_json::Value {
        let site = PublicUrl::parse("https://sti.example.org").unwrap();
        let linked = Linked::new(value, Some(RecordKind::Mou), &site);
        serde_json::from_slice(&serde_json::to_vec(&linked).unwrap()).unwrap()
    }

    #[test]
    fn records_named_where_their_kind_is_known_carry_their_links() {
        let mou = Mou {
            slug: "utm-tsinghua",
            parties: vec![Party {
                slug: "utm",
                name: "UTM",
            }],
            witness: Some(Party {
                slug: "someone",
                name: "Someone",
            }),
            leader: Some(Party {
                slug: "chang-lih-kang",
                name: "Chang Lih Kang",
            }),
            statements: Listing {
                items: vec![Party {
                    slug: "visit-2024",
                    name: "Working visit",
                }],
                total: 1,
            },
        };
        assert_eq!(
            write(&mou),
            json!({
                "slug": "utm-tsinghua",
                "href": "https://sti.example.org/api/v1/mous/utm-tsinghua",
                "url": "https://sti.example.org/mous/utm-tsinghua",
                "parties": [{
                    "slug": "utm",
                    "href": "https://sti.example.org/api/v1/organisations/utm",
                    "url": "https://sti.example.org/organisations/utm",
                    "name": "UTM",
                }],
                // A field whose name says nothing of a kind of record gets no links.
                "witness": { "slug": "someone", "name": "Someone" },
                "leader": {
                    "slug": "chang-lih-kang",
                    "href": "https://sti.example.org/api/v1/people/chang-lih-kang",
                    "url": "https://sti.example.org/people/chang-lih-kang",
                    "name": "Chang Lih Kang",
                },
                "statements": {
                    "items": [{
                        "slug": "visit-2024",
                        "href": "https://sti.example.org/api/v1/statements/visit-2024",
                        "url": "https://sti.example.org/statements/visit-2024",
                        "name": "Working visit",
                    }],
                    "total": 1,
                },
            })
        );
    }
}
