package io.springcharm.framework;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The context a hook runs in when Spring AOT has generated its bean graph. It makes the
 * class path pattern resolver only when a pattern is first resolved: its class
 * initialization lists the JDK's modules, a few milliseconds every hook pays for nothing
 * unless the charm resolves {@code classpath*:} patterns itself.
 */
final class CharmContext extends GenericApplicationContext {

	@Override
	protected ResourcePatternResolver getResourcePatternResolver() {
		return new LazyPatternResolver(this);
	}

	/** Single resources through the context itself; patterns through Spring's resolver, made once. */
	private static final class LazyPatternResolver implements ResourcePatternResolver {

		private final ResourceLoader loader;

		private @Nullable ResourcePatternResolver patterns;

		LazyPatternResolver(ResourceLoader loader) {
			this.loader = loader;
		}

		@Override
		public Resource[] getResources(String locationPattern) throws IOException {
			ResourcePatternResolver resolver = this.patterns;
			if (resolver == null) {
				resolver = new PathMatchingResourcePatternResolver(this.loader);
				this.patterns = resolver;
			}
			return resolver.getResources(locationPattern);
		}

		@Override
		public Resource getResource(String location) {
			return this.loader.getResource(location);
		}

		@Override
		public @Nullable ClassLoader getClassLoader() {
			return this.loader.getClassLoader();
		}
	}
}
