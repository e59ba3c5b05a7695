package io.springcharm.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Checks a charm module at the start of its build (its {@code metadata.yaml} and
 * {@code charm.main-class} are there) and, when {@code charm.aot} is {@code false}, turns
 * off Spring Boot's {@code process-aot} goal for it by setting {@code spring-boot.aot.skip}.
 */
@Mojo(name = "prepare", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public class PrepareMojo extends AbstractMojo {

	@Parameter(defaultValue = "${project}", readonly = true, required = true)
	private MavenProject project;

	/** Directory holding metadata.yaml and the other charm files. */
	@Parameter(property = "charm.directory", defaultValue = "${project.basedir}/src/main/charm")
	private File charmDirectory;

	/** The charm's main class. */
	@Parameter(property = "charm.main-class")
	private String mainClass;

	/** Whether to run Spring AOT at build time. */
	@Parameter(property = "charm.aot", defaultValue = "true")
	private boolean aot;

	/** Whether to skip the charm goals. */
	@Parameter(property = "charm.skip", defaultValue = "false")
	private boolean skip;

	@Override
	public void execute() throws MojoExecutionException {
		if (this.skip || "pom".equals(this.project.getPackaging())) {
			return;
		}
		requireCharm(this.project, this.charmDirectory.toPath(), this.mainClass);
		if (!this.aot) {
			// Read by spring-boot-maven-plugin's process-aot when it runs, later in this build.
			this.project.getProperties().setProperty("spring-boot.aot.skip", "true");
		}
	}

	/**
	 * Fails with advice when the module is not a charm.
	 * @param project the module
	 * @param charmDir its charm directory
	 * @param mainClass its main class, or {@code null}
	 * @return the module's {@code metadata.yaml}
	 * @throws MojoExecutionException when the main class or the metadata is missing
	 */
	static Path requireCharm(MavenProject project, Path charmDir, String mainClass) throws MojoExecutionException {
		if (mainClass == null || mainClass.isBlank()) {
			throw new MojoExecutionException(project.getArtifactId() + " sets no main class: add "
					+ "<charm.main-class>com.example.MyCharm</charm.main-class> to its <properties>");
		}
		Path metadata = charmDir.resolve("metadata.yaml");
		if (!Files.isRegularFile(metadata)) {
			throw new MojoExecutionException(project.getArtifactId() + " has no " + metadata + ": Juju needs it; put the "
					+ "charm's metadata.yaml, config.yaml and actions.yaml in that directory (or set charm.directory)");
		}
		return metadata;
	}
}
