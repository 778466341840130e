//! Publishing to a CalDAV calendar collection (RFC 4791): `sync` decides
//! what to create, update and delete (pure), `client` talks to the server,
//! `xml` writes and reads the WebDAV bodies, `canon` compares calendar
//! data whatever the server's serialization, `credentials` finds the
//! user name and password.

pub mod canon;
pub mod client;
pub mod credentials;
pub mod error;
pub mod sync;
mod transport;
pub mod xml;

pub use error::CaldavError;
