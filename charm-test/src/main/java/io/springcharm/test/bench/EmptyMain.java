package io.springcharm.test.bench;

/**
 * The JVM floor: a program that does nothing, started the way a hook is, so the benchmark
 * can report each hook's cost as a ratio that compares across machines.
 */
public final class EmptyMain {

	private EmptyMain() {
	}

	/**
	 * Does nothing.
	 * @param args ignored
	 */
	public static void main(String[] args) {
	}
}
