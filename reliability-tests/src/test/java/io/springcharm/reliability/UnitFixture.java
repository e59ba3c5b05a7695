package io.springcharm.reliability;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * One unit per test, in its own temporary root; every child process it started is killed
 * after the test, whether it passed or not.
 */
abstract class UnitFixture {

	@TempDir
	Path root;

	Unit unit;

	@BeforeEach
	void startUnit() throws Exception {
		this.unit = new Unit(this.root);
	}

	@AfterEach
	void killChildren() throws Exception {
		this.unit.close();
	}
}
