package io.springcharm.framework;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;

import static org.assertj.core.api.Assertions.assertThat;

class CharmContextTests {

	@Test
	void resolvesPatternsAndSingleResourcesWithoutAResolverMadeUpFront() throws Exception {
		try (CharmContext context = new CharmContext()) {
			context.refresh();
			Resource[] imports = context.getResources("classpath*:META-INF/spring/io.springcharm.framework.Charm.imports");
			assertThat(imports).isNotEmpty().allMatch(Resource::exists);
			assertThat(context.getResource("classpath:META-INF/spring/io.springcharm.framework.Charm.imports").exists())
				.isTrue();
			assertThat(context.getResources("classpath*:no/such/*.txt")).isEmpty();
			assertThat(context.getClassLoader()).isNotNull();
		}
	}
}
