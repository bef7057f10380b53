package io.runflow.benchmarks;

/** A server started for P3: its loopback port and how to stop it. */
record Started(int port, AutoCloseable closer) {}
