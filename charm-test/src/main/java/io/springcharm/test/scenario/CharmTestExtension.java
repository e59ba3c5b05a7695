package io.springcharm.test.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.springcharm.test.model.CharmDirectories;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Resolves {@link Scenario} parameters for classes annotated with {@link CharmTest}. Each
 * test's scenario keeps its runs in a scratch directory that is deleted when the test ends.
 */
public final class CharmTestExtension implements ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(CharmTestExtension.class);

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == Scenario.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		CharmTest config = AnnotationSupport
			.findAnnotation(extensionContext.getRequiredTestClass(), CharmTest.class)
			.orElseThrow(() -> new ExtensionConfigurationException(
					extensionContext.getRequiredTestClass().getName() + " needs @CharmTest to receive a Scenario"));
		Path charmDir = Path.of(config.charmDir());
		if (!Files.isDirectory(charmDir)) {
			throw new ExtensionConfigurationException("@CharmTest charmDir '" + config.charmDir()
					+ "' is not a directory (resolved against " + Path.of("").toAbsolutePath() + ")");
		}
		ScratchDirectory scratch = extensionContext.getStore(NAMESPACE)
			.computeIfAbsent(ScratchDirectory.class, (key) -> new ScratchDirectory(), ScratchDirectory.class);
		return Scenario.of(config.charm(), charmDir)
			.unitId(config.unitId())
			.jujuVersion(config.jujuVersion())
			.workDirectory(scratch.path);
	}

	/** A temporary directory deleted when the store that holds it closes. */
	static final class ScratchDirectory implements AutoCloseable {

		final Path path;

		ScratchDirectory() {
			try {
				this.path = Files.createTempDirectory("charm-test-");
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot create a scratch directory for @CharmTest", ex);
			}
		}

		@Override
		public void close() {
			CharmDirectories.deleteQuietly(this.path);
		}
	}
}
