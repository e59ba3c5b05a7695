package io.springcharm.test.process;

/** Which hook-tool client is installed. */
public enum ClientKind {

	/** {@code jujuc.c} compiled with the system C compiler: a few milliseconds a call. */
	NATIVE,

	/** {@code jujuc.py}, used when there is no C compiler: an interpreter start per call. */
	PYTHON
}
