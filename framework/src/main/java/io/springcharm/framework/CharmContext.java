package io.springcharm.framework;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The context a hook runs in when Spring AOT has generated its bean graph: one context in
 * a process that ends with the hook. Two start-up costs that buy nothing there are left
 * out: the class path pattern resolver is made only when a pattern is first resolved (its
 * class initialization lists the JDK's modules), and Spring's reflection caches are not
 * cleared after refresh: a process about to end has nothing to release, and clearing the
 * bean-introspection cache first initializes it, reading every {@code spring.factories}
 * on the class path.
 */
final class CharmContext extends GenericApplicationContext {

	@Override
	protected ResourcePatternResolver getResourcePatternResolver() {
		return new LazyPatternResolver(this);
	}

	@Override
	protected void resetCommonCaches() {
		// Nothing to release: the process ends with the hook.
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
