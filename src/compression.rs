//! Compressed answers: Brotli or gzip, as the client prefers. Bodies too small to gain anything
//! (a health check's "ok") are sent as they are, and so are formats that are compressed already.
//!
//! Answers made once and sent many times (kept pages, static files) are compressed once, harder
//! ([`Effort::Kept`]), and arrive here with their `Content-Encoding` already set; everything else
//! is compressed as it is sent ([`Effort::PerRequest`]): a page on the worker that made it, a
//! larger body on the blocking pool, a streamed one (a CSV export) as it streams.

use actix_http::encoding::Encoder;
use actix_web::body::{BodySize, EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, AcceptEncoding, ContentEncoding, Encoding, HeaderValue};
use actix_web::middleware::Next;
use actix_web::web::{self, Bytes};
use std::io::Write;
use std::sync::LazyLock;
use tokio::sync::Semaphore;

/// Bodies shorter than this are sent uncompressed: the coding's own header and checksum would
/// eat most of the gain, and setting up a compressor costs more than sending the bytes.
pub const SMALLEST_COMPRESSED: usize = 1024;

/// Bodies up to this size are compressed on the worker that made them (a page takes a tenth of a
/// millisecond); larger ones on the blocking pool, so that the worker's other requests do not
/// wait for them.
const LARGEST_COMPRESSED_ON_THE_WORKER: usize = 64 * 1024;

/// How many larger bodies are compressed at once: one for each core. More would only share the
/// cores, each on a thread of its own with its own compressor (the pool has hundreds of
/// threads); under a load of feeds, that made the server hundreds of MiB larger.
static LARGE_COMPRESSIONS: LazyLock<Semaphore> = LazyLock::new(|| {
    Semaphore::new(std::thread::available_parallelism().map_or(1, std::num::NonZero::get))
});

/// How hard a body is compressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effort {
    /// Once, for a body sent many times (a kept page, a static file): slower and smaller.
    Kept,
    /// For the one answer it is sent in.
    PerRequest,
}

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

    /// `body` compressed as hard as `effort` says.
    pub fn compress(self, body: &[u8], effort: Effort) -> Bytes {
        let mut out = Vec::with_capacity(body.len() / 4 + 64);
        match self {
            Self::Brotli => {
                let params = brotli::enc::BrotliEncoderParams {
                    quality: match effort {
                        Effort::Kept => 6,
                        Effort::PerRequest => 3,
                    },
                    lgwin: brotli_window_bits(body.len()),
                    size_hint: body.len(),
                    ..Default::default()
                };
                let mut input = body;
                // Writing to a Vec cannot fail.
                let _ = brotli::BrotliCompress(&mut input, &mut out, &params);
            }
            Self::Gzip => {
                let level = match effort {
                    Effort::Kept => flate2::Compression::default(),
                    Effort::PerRequest => flate2::Compression::fast(),
                };
                let mut encoder = flate2::write::GzEncoder::new(out, level);
                let _ = encoder.write_all(body);
                out = encoder.finish().unwrap_or_default();
            }
        }
        Bytes::from(out)
    }
}

/// The Brotli window for a body of `length` bytes: the smallest that holds all of it, from 2^17
/// to 2^22. A window larger than the body finds nothing more to refer back to, yet the encoder
/// sets up its tables for the whole window: at 2^22 it allocated and cleared 8 MiB for every
/// page, and took four times as long as with 2^17 to make the same bytes. Below 2^17 it
/// switches to a hasher four times larger.
fn brotli_window_bits(length: usize) -> i32 {
    (17..22)
        .find(|bits| (1usize << bits) - 16 >= length)
        .unwrap_or(22)
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
) -> Result<ServiceResponse<EitherBody<Bytes, Encoder<impl MessageBody>>>, actix_web::Error> {
    let coding = Coding::preferred(request.headers());
    let (request, response) = next.call(request).await?.into_parts();
    let worth_it = match response.body().size() {
        BodySize::Sized(length) => length >= SMALLEST_COMPRESSED as u64,
        BodySize::Stream => true,
        BodySize::None => false,
    } && is_compressible(response.headers().get(header::CONTENT_TYPE))
        && !matches!(
            response.status(),
            StatusCode::NO_CONTENT | StatusCode::PARTIAL_CONTENT | StatusCode::SWITCHING_PROTOCOLS
        );
    let coding =
        coding.filter(|_| worth_it && !response.headers().contains_key(header::CONTENT_ENCODING));
    let (mut response, body) = response.into_parts();
    let compressible = match coding {
        Some(coding) => body.try_into_bytes().map(|whole| (coding, whole)),
        None => Err(body),
    };
    let body = match compressible {
        Ok((coding, whole)) => {
            let compressed = if whole.len() <= LARGEST_COMPRESSED_ON_THE_WORKER {
                coding.compress(&whole, Effort::PerRequest)
            } else {
                let _turn = LARGE_COMPRESSIONS
                    .acquire()
                    .await
                    .map_err(actix_web::error::ErrorServiceUnavailable)?;
                web::block(move || coding.compress(&whole, Effort::PerRequest)).await?
            };
            response
                .headers_mut()
                .insert(header::CONTENT_ENCODING, coding.header_value());
            EitherBody::left(compressed)
        }
        // Sent as it is, or a stream, compressed as it streams.
        Err(body) => {
            let encoding = coding.map_or(ContentEncoding::Identity, Coding::content_encoding);
            EitherBody::right(Encoder::response(encoding, response.head_mut(), body))
        }
    };
    // A body worth compressing, compressed or not, would have been sent otherwise to another
    // client: caches must know that it varies (the encoder says so of what it compresses).
    if worth_it && !varies_by_coding(response.headers()) {
        response
            .headers_mut()
            .append(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    Ok(ServiceResponse::new(request, response.set_body(body)))
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

    fn decompressed(coding: Coding, body: &[u8]) -> Vec<u8> {
        let mut unpacked = Vec::new();
        match coding {
            Coding::Brotli => brotli::BrotliDecompress(&mut &body[..], &mut unpacked).unwrap(),
            Coding::Gzip => {
                std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(body), &mut unpacked)
                    .unwrap();
            }
        }
        unpacked
    }

    /// Text that compresses as a page does, `length` bytes of it.
    fn text_of(length: usize) -> Vec<u8> {
        let sentence = b"The two sides agreed to deepen cooperation in semiconductors. ";
        (0..length)
            .map(|i| sentence[i % sentence.len()] ^ u8::from(i % 997 == 0))
            .collect()
    }

    #[test]
    fn a_compressed_body_decompresses_to_the_original_whatever_its_size() {
        for length in [1_500, 131_056, 131_057, 300_000, 5_000_000] {
            let body = text_of(length);
            for coding in [Coding::Brotli, Coding::Gzip] {
                for effort in [Effort::Kept, Effort::PerRequest] {
                    let compressed = coding.compress(&body, effort);
                    assert!(
                        compressed.len() < body.len() / 10,
                        "{coding:?} {effort:?} {length}"
                    );
                    assert_eq!(
                        decompressed(coding, &compressed),
                        body,
                        "{coding:?} {effort:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_brotli_window_is_the_smallest_that_holds_the_body() {
        assert_eq!(brotli_window_bits(0), 17);
        assert_eq!(brotli_window_bits(15_000), 17);
        assert_eq!(brotli_window_bits((1 << 17) - 16), 17);
        assert_eq!(brotli_window_bits((1 << 17) - 15), 18);
        assert_eq!(brotli_window_bits(300_000), 19);
        assert_eq!(brotli_window_bits(50_000_000), 22);
    }

    /// What a client accepting `accepted` receives from a handler answering `body` (a stream
    /// when `streamed`), through the middleware.
    async fn sent(accepted: &str, body: Vec<u8>, streamed: bool) -> (Option<String>, Vec<u8>) {
        use actix_web::{App, HttpResponse, test};
        let body = Bytes::from(body);
        let app = test::init_service(
            App::new()
                .wrap(actix_web::middleware::from_fn(middleware))
                .default_service(web::to(move || {
                    let body = body.clone();
                    async move {
                        let mut response = HttpResponse::Ok();
                        response.content_type("text/html; charset=utf-8");
                        if streamed {
                            let chunks = body
                                .chunks(4096)
                                .map(|chunk| {
                                    Ok::<_, actix_web::Error>(Bytes::copy_from_slice(chunk))
                                })
                                .collect::<Vec<_>>();
                            response.streaming(futures_util::stream::iter(chunks))
                        } else {
                            response.body(body)
                        }
                    }
                })),
        )
        .await;
        let request = test::TestRequest::get()
            .insert_header((header::ACCEPT_ENCODING, accepted))
            .to_request();
        let response = test::call_service(&app, request).await;
        assert!(varies_by_coding(response.headers()));
        let coding = response
            .headers()
            .get(header::CONTENT_ENCODING)
            .map(|value| value.to_str().unwrap().to_owned());
        (coding, test::read_body(response).await.to_vec())
    }

    #[actix_web::test]
    async fn a_body_is_sent_in_the_coding_the_client_prefers_and_reads_the_same() {
        // A page, a body too large to compress on the worker, and a streamed one.
        for (length, streamed) in [(15_000, false), (200_000, false), (200_000, true)] {
            let body = text_of(length);
            for (accepted, coding) in [("gzip, br", Coding::Brotli), ("gzip", Coding::Gzip)] {
                let (sent_in, received) = sent(accepted, body.clone(), streamed).await;
                let name = coding.header_value();
                assert_eq!(
                    sent_in.as_deref(),
                    name.to_str().ok(),
                    "{length} {streamed}"
                );
                assert!(received.len() < length / 10);
                assert_eq!(decompressed(coding, &received), body, "{length} {streamed}");
            }
            let (sent_in, received) = sent("identity", body.clone(), streamed).await;
            assert_eq!(sent_in, None);
            assert_eq!(received, body);
        }
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
