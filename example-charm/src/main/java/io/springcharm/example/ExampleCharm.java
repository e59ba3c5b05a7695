package io.springcharm.example;

import io.springcharm.framework.Charm;
import io.springcharm.framework.CharmApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The Leadership layer's README example as a Spring Charm: the leader generates an admin
 * password once; every unit stores it in a file.
 */
@Charm
@EnableConfigurationProperties(ExampleConfig.class)
public class ExampleCharm {

	/**
	 * Juju runs this through the charm's {@code dispatch} once per hook.
	 * @param args the program path, passed by {@code dispatch}
	 */
	public static void main(String[] args) {
		System.exit(CharmApplication.run(ExampleCharm.class, args));
	}
}
