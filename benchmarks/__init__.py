"""Hand-run benchmarks of sopgraph (see README.md "Benchmarks"); never run by the test suite."""
