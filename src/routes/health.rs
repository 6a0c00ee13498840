use actix_web::{HttpResponse, get};

/// Answers as long as the process serves requests.
#[get("/healthz")]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .body("ok\n")
}
