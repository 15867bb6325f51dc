//! Asking a task a question: the request carries a `oneshot::Sender`, the task
//! answers on it, the asker awaits the `oneshot::Receiver`. The task's loop ends
//! when the last `mpsc::Sender` is gone.
//!
//! `cargo run -p sol07-patterns --example oneshot_reply`
use tokio::sync::{mpsc, oneshot};

// ANCHOR: oneshot_reply
/// A question for the task, and where to send the answer.
struct Measure {
    word: String,
    reply: oneshot::Sender<usize>,
}

/// Answers each question in turn; ends when every sender is gone.
async fn measurer(mut inbox: mpsc::Receiver<Measure>) {
    while let Some(Measure { word, reply }) = inbox.recv().await {
        let _ = reply.send(word.len()); // the asker may have given up
    }
    println!("measurer: no senders left, stopping");
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (questions, inbox) = mpsc::channel(8);
    let task = tokio::spawn(measurer(inbox));

    let (reply, answer) = oneshot::channel();
    let word = "goroutine".to_owned();
    questions
        .send(Measure { word, reply })
        .await
        .expect("task alive");
    println!("len = {:?}", answer.await); // Ok(9)

    drop(questions); // the last sender: the task's recv gives None
    task.await.expect("the task does not panic");
}
// ANCHOR_END: oneshot_reply
