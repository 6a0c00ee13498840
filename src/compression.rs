//! Compressed answers: Brotli or gzip, as the client prefers. Bodies too small to gain anything
//! (a health check's "ok") are sent as they are, and so are formats that are compressed already.
//!
//! Answers made once and sent many times (kept pages, static files) are compressed once, harder,
//! by [`Coding::compress`], and arrive here with their `Content-Encoding` already set; everything
//! else is compressed as it is sent.

use actix_http::encoding::Encoder;
use actix_web::body::{BodySize, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, AcceptEncoding, ContentEncoding, Encoding, HeaderValue};
use actix_web::middleware::Next;
use actix_web::web::Bytes;
use std::io::Write;

/// Bodies shorter than this are sent uncompressed: the coding's own header and checksum would
/// eat most of the gain, and setting up a compressor costs more than sending the bytes.
pub const SMALLEST_COMPRESSED: usize = 1024;

/// A content coding the portal sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coding {
    Brotli,
    Gzip,
}

impl Coding {
    /// The coding the client prefers among the portal's, or `None` for the body as it is.
    pub fn preferred(headers: &header::HeaderMap) -> Option<Self> {
        let accepted = AcceptEncoding(
            headers
                .get_all(header::ACCEPT_ENCODING)
                .filter_map(|value| value.to_str().ok())
                .flat_map(|value| value.split(','))
                .filter_map(|item| item.trim().parse().ok())
                .collect(),
        );
        if accepted.0.is_empty() {
            return None;
        }
        let offered = [Encoding::brotli(), Encoding::gzip(), Encoding::identity()];
        match accepted.negotiate(offered.iter())? {
            Encoding::Known(ContentEncoding::Brotli) => Some(Self::Brotli),
            Encoding::Known(ContentEncoding::Gzip) => Some(Self::Gzip),
            _ => None,
        }
    }

    pub fn header_value(self) -> HeaderValue {
        HeaderValue::from_static(match self {
            Self::Brotli => "br",
            Self::Gzip => "gzip",
        })
    }

    fn content_encoding(self) -> ContentEncoding {
        match self {
            Self::Brotli => ContentEncoding::Brotli,
            Self::Gzip => ContentEncoding::Gzip,
        }
    }

    /// `body` compressed at a level meant for answers compressed once and sent many times:
    /// slower than what is done per request, and smaller.
    pub fn compress(self, body: &[u8]) -> Bytes {
        let mut out = Vec::with_capacity(body.len() / 4 + 64);
        match self {
            Self::Brotli => {
                let params = brotli::enc::BrotliEncoderParams {
                    quality: 6,
                    lgwin: 22,
                    size_hint: body.len(),
                    ..Default::default()
                };
                let mut input = body;
                // Writing to a Vec cannot fail.
                let _ = brotli::BrotliCompress(&mut input, &mut out, &params);
            }
            Self::Gzip => {
                let mut encoder =
                    flate2::write::GzEncoder::new(out, flate2::Compression::default());
                let _ = encoder.write_all(body);
                out = encoder.finish().unwrap_or_default();
            }
        }
        Bytes::from(out)
    }
}

/// Whether a body of this media type is worth compressing: text is, images (but SVG), video,
/// audio, PDF and archives are compressed already.
pub fn is_compressible(content_type: Option<&HeaderValue>) -> bool {
    let Some(media) = content_type.and_then(|value| value.to_str().ok()) else {
        return true;
    };
    let media = media.trim_start().to_ascii_lowercase();
    if media.starts_with("image/") {
        return media.starts_with("image/svg+xml");
    }
    ![
        "video/",
        "audio/",
        "application/pdf",
        "application/zip",
        "application/gzip",
    ]
    .iter()
    .any(|prefix| media.starts_with(prefix))
}

/// Compresses what is worth it, as the client prefers. An answer that arrives compressed (or
/// that says it is never compressed, with `Content-Encoding` set) is sent as it is.
pub async fn middleware(
    request: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<Encoder<impl MessageBody>>, actix_web::Error> {
    let coding = Coding::preferred(request.headers());
    let response = next.call(request).await?;
    Ok(response.map_body(|head, body| {
        let worth_it = match body.size() {
            BodySize::Sized(length) => length >= SMALLEST_COMPRESSED as u64,
            BodySize::Stream => true,
            BodySize::None => false,
        } && is_compressible(head.headers.get(header::CONTENT_TYPE));
        let encoding = match coding {
            Some(coding) if worth_it && !head.headers.contains_key(header::CONTENT_ENCODING) => {
                coding.content_encoding()
            }
            _ => ContentEncoding::Identity,
        };
        // The encoder names the header it varies by when it compresses; a body it leaves as it is
        // would have been compressed for another client, so caches must know that too.
        if worth_it && encoding == ContentEncoding::Identity && !varies_by_coding(&head.headers) {
            head.headers
                .append(header::VARY, HeaderValue::from_static("accept-encoding"));
        }
        Encoder::response(encoding, head, body)
    }))
}

/// Whether the answer already says it depends on `Accept-Encoding`.
pub fn varies_by_coding(headers: &header::HeaderMap) -> bool {
    headers
        .get_all(header::VARY)
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|name| name.trim().eq_ignore_ascii_case("accept-encoding"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepting(value: &str) -> header::HeaderMap {
        let mut headers = header::HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).unwrap(),
        );
        headers
    }

    #[test]
    fn brotli_is_preferred_unless_the_client_weighs_otherwise() {
        assert_eq!(
            Coding::preferred(&accepting("gzip, deflate, br, zstd")),
            Some(Coding::Brotli)
        );
        assert_eq!(
            Coding::preferred(&accepting("gzip;q=1, br;q=0.5")),
            Some(Coding::Gzip)
        );
        assert_eq!(Coding::preferred(&accepting("gzip")), Some(Coding::Gzip));
        assert_eq!(Coding::preferred(&accepting("identity")), None);
        assert_eq!(Coding::preferred(&header::HeaderMap::new()), None);
    }

    #[test]
    fn a_compressed_body_decompresses_to_the_original() {
        let body = "The two sides agreed to deepen cooperation. ".repeat(200);
        let brotli = Coding::Brotli.compress(body.as_bytes());
        let mut unpacked = Vec::new();
        brotli::BrotliDecompress(&mut &brotli[..], &mut unpacked).unwrap();
        assert_eq!(unpacked, body.as_bytes());
        assert!(brotli.len() < body.len() / 10);

        let gzip = Coding::Gzip.compress(body.as_bytes());
        let mut unpacked = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gzip[..]), &mut unpacked)
            .unwrap();
        assert_eq!(unpacked, body);
    }

    #[test]
    fn text_and_svg_are_compressed_other_images_and_pdf_are_not() {
        let is = |media: &str| is_compressible(Some(&HeaderValue::from_str(media).unwrap()));
        assert!(is("text/html; charset=utf-8"));
        assert!(is("application/atom+xml"));
        assert!(is("image/svg+xml"));
        assert!(!is("image/png"));
        assert!(!is("application/pdf"));
    }
}
