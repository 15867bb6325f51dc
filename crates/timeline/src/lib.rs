//! Timelines of concurrent work, drawn in the terminal (being implemented).
