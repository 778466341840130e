//! Parallel only where it pays. rayon starts its pool (a thread per core,
//! which then spin waiting for work) on first use: about a millisecond and
//! more CPU than the whole of a five-ritual spec (issue 15 wants `print`
//! of the seed within 2 ms of `true`). Below `min` items each helper runs
//! on the calling thread, in order, and gives what the parallel version
//! gives: the result never depends on which path ran.

use rayon::prelude::*;

/// Rituals (or feeds, or cards) below which a stage stays on one thread.
pub const RITUALS: usize = 64;
/// Spec files below which reading and validating stay on one thread.
pub const FILES: usize = 2;

/// `f` of each item, in order.
pub fn map<T: Sync, R: Send>(items: &[T], min: usize, f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    if items.len() < min {
        items.iter().map(f).collect()
    } else {
        items.par_iter().map(f).collect()
    }
}

/// `f` of each item, in order, taking the items.
pub fn map_owned<T: Send, R: Send>(
    items: Vec<T>,
    min: usize,
    f: impl Fn(T) -> R + Sync + Send,
) -> Vec<R> {
    if items.len() < min {
        items.into_iter().map(f).collect()
    } else {
        items.into_par_iter().map(f).collect()
    }
}

/// `f` of `0..n`, in order.
pub fn map_indices<R: Send>(n: usize, min: usize, f: impl Fn(usize) -> R + Sync + Send) -> Vec<R> {
    if n < min {
        (0..n).map(f).collect()
    } else {
        (0..n).into_par_iter().map(f).collect()
    }
}

/// Both results; `a` and `b` side by side unless `parallel` is false.
pub fn join<RA: Send, RB: Send>(
    parallel: bool,
    a: impl FnOnce() -> RA + Send,
    b: impl FnOnce() -> RB + Send,
) -> (RA, RB) {
    if parallel {
        rayon::join(a, b)
    } else {
        (a(), b())
    }
}

/// `f` of each item until one fails; which failure is returned when
/// several fail in parallel is not defined (any one stops the work).
///
/// # Errors
/// An error of `f`.
pub fn try_for_each<T: Sync + Send, E: Send>(
    items: &[T],
    min: usize,
    f: impl Fn(&T) -> Result<(), E> + Sync + Send,
) -> Result<(), E> {
    if items.len() < min {
        items.iter().try_for_each(f)
    } else {
        items.par_iter().try_for_each(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_paths_give_the_same_order() {
        let items: Vec<usize> = (0..200).collect();
        let square = |x: &usize| x * x;
        assert_eq!(map(&items, usize::MAX, square), map(&items, 0, square));
        assert_eq!(map(&items, 0, square)[199], 199 * 199);
        assert_eq!(
            map_indices(200, 0, |i| i + 1),
            map_indices(200, 1000, |i| i + 1)
        );
        assert_eq!(
            map_owned(items.clone(), 0, |x| x * 2),
            map_owned(items, 1000, |x| x * 2)
        );
    }
}
