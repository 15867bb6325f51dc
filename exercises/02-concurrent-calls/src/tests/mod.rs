//! The tests of this step, one module per exercise.
