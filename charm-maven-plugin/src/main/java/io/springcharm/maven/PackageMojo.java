package io.springcharm.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import io.springcharm.maven.CharmLibraries.Library;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Packages the charm module as {@code target/<charm-name>.charm}: {@code dispatch},
 * the files of the charm directory ({@code metadata.yaml}, {@code config.yaml},
 * {@code actions.yaml}, ...), {@code manifest.yaml}, the module's jar and its runtime
 * dependencies in {@code lib/}, and, with {@code charm.bundle-runtime}, a Java runtime in
 * {@code runtime/}. Runs after the module's jar is built.
 */
@Mojo(name = "package", defaultPhase = LifecyclePhase.PACKAGE, requiresDependencyResolution = ResolutionScope.RUNTIME,
		threadSafe = true)
public class PackageMojo extends AbstractMojo {

	private static final Set<String> GENERATED = Set.of("dispatch", "manifest.yaml", "lib", "runtime", ".spring-charm");

	@Parameter(defaultValue = "${project}", readonly = true, required = true)
	private MavenProject project;

	@Component
	private MavenProjectHelper projectHelper;

	/** Directory holding metadata.yaml, config.yaml, actions.yaml and any other file copied to the charm's root. */
	@Parameter(property = "charm.directory", defaultValue = "${project.basedir}/src/main/charm")
	private File charmDirectory;

	/** The charm's main class, whose main method calls CharmApplication.run. */
	@Parameter(property = "charm.main-class")
	private String mainClass;

	/** Name of the .charm file; defaults to the name in metadata.yaml. */
	@Parameter(property = "charm.name")
	private String charmName;

	/** The charm's JVM options, separated by white space, added after the start-up flags. */
	@Parameter(property = "charm.jvm-options", defaultValue = "-Xmx128m")
	private String jvmOptions;

	/** Whether to run with Spring AOT's output (when the build produced it). */
	@Parameter(property = "charm.aot", defaultValue = "true")
	private boolean aot;

	/** Whether dispatch makes and uses a class-data archive on the unit. */
	@Parameter(property = "charm.cds", defaultValue = "true")
	private boolean cds;

	/** Whether to bundle a jlink runtime of the build's JDK in runtime/. */
	@Parameter(property = "charm.bundle-runtime", defaultValue = "false")
	private boolean bundleRuntime;

	/** Modules to link into the bundled runtime beyond those found by jdeps, comma-separated. */
	@Parameter(property = "charm.runtime-modules", defaultValue = "")
	private String runtimeModules;

	/** Whether jdeps adds the modules the jars refer to; false links only the base modules and charm.runtime-modules. */
	@Parameter(property = "charm.runtime-jdeps", defaultValue = "true")
	private boolean runtimeJdeps;

	/** Bases in manifest.yaml, comma-separated. */
	@Parameter(property = "charm.bases", defaultValue = "ubuntu@22.04,ubuntu@24.04")
	private String bases;

	/** Architectures of every base in manifest.yaml, comma-separated. */
	@Parameter(property = "charm.architectures", defaultValue = "amd64")
	private String architectures;

	/** Where the .charm is written. */
	@Parameter(defaultValue = "${project.build.directory}", readonly = true)
	private File outputDirectory;

	/** Whether to attach the .charm to the project (type "charm"), so that install and deploy publish it. */
	@Parameter(property = "charm.attach", defaultValue = "true")
	private boolean attach;

	/** Whether to skip packaging. */
	@Parameter(property = "charm.skip", defaultValue = "false")
	private boolean skip;

	@Override
	public void execute() throws MojoExecutionException {
		if (this.skip || "pom".equals(this.project.getPackaging())) {
			getLog().debug("Not packaging a charm for " + this.project.getId());
			return;
		}
		try {
			packageCharm();
		}
		catch (IOException | RuntimeException ex) {
			throw new MojoExecutionException("Cannot package the charm: " + ex.getMessage(), ex);
		}
	}

	private void packageCharm() throws IOException, MojoExecutionException {
		long start = System.nanoTime();
		Path charmDir = this.charmDirectory.toPath();
		Path metadata = PrepareMojo.requireCharm(this.project, charmDir, this.mainClass);
		String name = (this.charmName != null && !this.charmName.isBlank()) ? this.charmName.strip()
				: CharmMetadata.name(metadata);
		CharmMetadata.validate(name);
		Path charmJar = charmJar();
		List<Library> libraries = CharmLibraries.layout(jar(this.project.getArtifact(), charmJar), dependencies());
		boolean springAot = this.aot && hasSpringAotOutput(charmJar);
		if (this.aot && !springAot) {
			getLog().info("No Spring AOT output in " + charmJar.getFileName() + ": dispatch runs without spring.aot.enabled");
		}
		FileTime now = FileTime.from(Instant.now());
		DispatchScript dispatch = new DispatchScript(this.mainClass.strip(),
				libraries.stream().map(Library::name).toList(), split(this.jvmOptions, "\\s+"), springAot, this.cds,
				buildId());
		List<CharmFile> files = new ArrayList<>();
		files.add(CharmFile.of("dispatch", dispatch.render(), CharmFile.EXECUTABLE, now));
		files.addAll(charmDirectoryFiles(charmDir));
		files.add(CharmFile.of("manifest.yaml",
				new CharmManifest(split(this.bases, "[,\\s]+"), split(this.architectures, "[,\\s]+")).render(),
				CharmFile.REGULAR, now));
		libraries.forEach((library) -> files.add(CharmFile.of(library.name(), library.file(), CharmFile.REGULAR)));
		if (this.bundleRuntime) {
			files.addAll(runtime(libraries));
		}
		Path charm = this.outputDirectory.toPath().resolve(name + ".charm");
		CharmArchive.write(charm, files);
		getLog().info(String.format("Built %s (%d files, %.1f MiB, %d ms)", this.project.getBasedir().toPath()
			.relativize(charm), files.size(), Files.size(charm) / 1048576.0, (System.nanoTime() - start) / 1_000_000));
		if (this.attach) {
			this.projectHelper.attachArtifact(this.project, "charm", charm.toFile());
		}
	}

	private Path charmJar() throws MojoExecutionException {
		File file = this.project.getArtifact().getFile();
		if (file == null || !file.isFile() || !file.getName().endsWith(".jar")) {
			throw new MojoExecutionException("The charm's jar has not been built: run the package phase "
					+ "(./mvnw package), not the charm:package goal alone");
		}
		return file.toPath();
	}

	private List<Library.Jar> dependencies() {
		List<Library.Jar> jars = new ArrayList<>();
		for (Artifact artifact : this.project.getArtifacts()) {
			boolean runtime = Artifact.SCOPE_COMPILE.equals(artifact.getScope())
					|| Artifact.SCOPE_RUNTIME.equals(artifact.getScope());
			if (runtime && artifact.getArtifactHandler().isAddedToClasspath() && artifact.getFile() != null
					&& artifact.getFile().getName().endsWith(".jar")) {
				jars.add(jar(artifact, artifact.getFile().toPath()));
			}
			else if (runtime && artifact.getArtifactHandler().isAddedToClasspath()) {
				// A reactor module resolved to its target/classes (e.g. ./mvnw compile): no jar to ship.
				getLog().warn("Not in the charm (no jar): " + artifact.getId() + " at " + artifact.getFile());
			}
		}
		return jars;
	}

	private static Library.Jar jar(Artifact artifact, Path file) {
		return new Library.Jar(artifact.getGroupId(), artifact.getArtifactId(), artifact.getBaseVersion(),
				(artifact.getClassifier() != null) ? artifact.getClassifier() : "", file);
	}

	// Spring AOT writes <Application>__ApplicationContextInitializer for the application class.
	private static boolean hasSpringAotOutput(Path jar) throws IOException {
		try (JarFile file = new JarFile(jar.toFile())) {
			return file.stream().anyMatch((entry) -> entry.getName().endsWith("__ApplicationContextInitializer.class"));
		}
	}

	private List<CharmFile> charmDirectoryFiles(Path charmDir) throws IOException {
		List<CharmFile> files = new ArrayList<>();
		try (Stream<Path> paths = Files.walk(charmDir)) {
			for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
				String name = charmDir.relativize(path).toString().replace(File.separatorChar, '/');
				String top = name.contains("/") ? name.substring(0, name.indexOf('/')) : name;
				if (GENERATED.contains(top)) {
					throw new IllegalArgumentException("'" + name + "' in " + charmDir + " clashes with what the plugin "
							+ "generates (dispatch, manifest.yaml, lib/, runtime/): remove it");
				}
				files.add(CharmFile.of(name, path, Files.isExecutable(path) ? CharmFile.EXECUTABLE : CharmFile.REGULAR));
			}
		}
		return files;
	}

	private List<CharmFile> runtime(List<Library> libraries) throws IOException {
		long start = System.nanoTime();
		Set<String> modules = RuntimeImage.modules(libraries.stream().map(Library::file).toList(),
				split(this.runtimeModules, "[,\\s]+"), this.runtimeJdeps);
		Path image = this.outputDirectory.toPath().resolve("charm-runtime");
		RuntimeImage.link(modules, image);
		List<CharmFile> files = new ArrayList<>();
		try (Stream<Path> paths = Files.walk(image)) {
			for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
				String relative = image.relativize(path).toString().replace(File.separatorChar, '/');
				if (RuntimeImage.LEFT_OUT.contains(relative)) {
					continue;
				}
				String name = "runtime/" + relative;
				// Keeps bin/* and lib/jspawnhelper executable: ProcessBuilder needs the latter for every hook tool.
				files.add(CharmFile.of(name, path, Files.isExecutable(path) ? CharmFile.EXECUTABLE : CharmFile.REGULAR));
			}
		}
		getLog().info(String.format("Bundled Java %s runtime with %s (%d ms)", Runtime.version(), modules,
				(System.nanoTime() - start) / 1_000_000));
		return files;
	}

	private static String buildId() {
		byte[] random = new byte[4];
		new SecureRandom().nextBytes(random);
		return Long.toString(System.currentTimeMillis(), 36) + "-" + HexFormat.of().formatHex(random);
	}

	private static List<String> split(String value, String separator) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		return Arrays.stream(value.strip().split(separator)).filter((s) -> !s.isEmpty()).toList();
	}
}
