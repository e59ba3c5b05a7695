package io.springcharm.leadership.seed;

import io.springcharm.framework.Charm;
import io.springcharm.framework.CharmApplication;

/** The leadership layer's README example, as in this module's README. */
@Charm
public class SeedCharm {

	public static void main(String[] args) {
		System.exit(CharmApplication.run(SeedCharm.class, args));
	}
}
