package io.springcharm.test.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LocalModelCommandTest {

	private static final String DISPATCH = """
			#!/bin/sh
			set -e
			case "$JUJU_DISPATCH_PATH" in
			  hooks/config-changed)
			    g=$(config-get greeting)
			    [ "$g" = "boom" ] && { echo "cannot greet with boom" >&2; exit 1; }
			    status-set active "greeting=$g workers=$(config-get workers)"
			    ;;
			  actions/say)
			    action-set said="$(action-get word) x$(action-get times)"
			    ;;
			  actions/show)
			    action-set content="$(cat "$(resource-get software)")"
			    ;;
			esac
			""";

	@TempDir
	Path dir;

	private Path charm;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	@BeforeEach
	void charm() throws IOException {
		this.charm = Files.createDirectories(this.dir.resolve("charm"));
		Files.writeString(this.charm.resolve("metadata.yaml"), """
				name: greeter
				summary: greets
				resources:
				  software: {type: file, filename: software.txt}
				""");
		Files.writeString(this.charm.resolve("config.yaml"), """
				options:
				  greeting: {type: string, default: hello}
				  workers: {type: int, default: 1}
				""");
		Files.writeString(this.charm.resolve("actions.yaml"), """
				say:
				  params:
				    word: {type: string}
				    times: {type: integer}
				show:
				""");
		Files.writeString(this.charm.resolve("dispatch"), DISPATCH);
		Files.setPosixFilePermissions(this.charm.resolve("dispatch"), PosixFilePermissions.fromString("rwxr-xr-x"));
	}

	private int run(String... args) {
		String[] all = new String[args.length + 4];
		System.arraycopy(args, 0, all, 0, args.length);
		all[args.length] = "--cache-dir";
		all[args.length + 1] = this.dir.resolve("cache").toString();
		all[args.length + 2] = "--tmp";
		all[args.length + 3] = this.dir.resolve("tmp").toString();
		return LocalModelCommand.execute(new PrintWriter(this.out), new PrintWriter(this.err), all);
	}

	@Test
	void deploysRunsStepsAndPrintsProgressStatusAndTimings() throws IOException {
		Path scenario = Files.writeString(this.dir.resolve("scenario.txt"), """
				# a comment, then a blank line

				config greeting=hi,workers=4
				""");
		int code = run("deploy", this.charm.toString(), "-n", "2", "--config", "workers=2", "--scenario",
				scenario.toString(), "--step", "run greeter/1 say word=yo times=3", "--step", "update-status",
				"--timings", "--root", this.dir.resolve("root").toString());

		String output = this.out.toString();
		assertThat(code).as(output + this.err).isZero();
		assertThat(output).containsPattern("greeter/0\\s+install\\s+ok\\s+\\d+ ms")
			.containsPattern("greeter/1\\s+start\\s+ok")
			.contains("== config {greeting=hi, workers=4}")
			.contains("action say on greeter/1: completed")
			.contains("said: yo x3")
			.containsPattern("greeter/0\\*\\s+active\\s+idle\\s+\\S+\\s+greeting=hi workers=4")
			.containsPattern("(?m)^config-changed\\s+4\\s")
			.containsPattern("(?m)^update-status\\s+2\\s");
		assertThat(this.dir.resolve("root/tools/config-get")).isSymbolicLink();
	}

	@Test
	void resourcesGetTheirFilesAsWithJujuDeployResource() throws IOException {
		Path software = Files.writeString(this.dir.resolve("software.txt"), "v1.2");
		int code = run("deploy", this.charm.toString(), "--resource", "software=" + software, "--step",
				"run greeter/0 show");
		assertThat(code).as(this.out.toString() + this.err).isZero();
		assertThat(this.out.toString()).contains("action show on greeter/0: completed").contains("content: v1.2");

		assertThat(run("deploy", this.charm.toString(), "--resource", "firmware=" + software)).isEqualTo(2);
		assertThat(this.err.toString()).contains("--resource: resource 'firmware' is not declared in metadata.yaml");
	}

	@Test
	void exitsNonZeroWhenAUnitEndsInErrorAndShowsTheHooksOutput() {
		int code = run("deploy", this.charm.toString(), "--step", "config greeting=boom");
		String output = this.out.toString();
		assertThat(code).isEqualTo(1);
		assertThat(output).containsPattern("greeter/0\\s+config-changed\\s+error \\(exit 1\\)")
			.contains("| cannot greet with boom")
			.containsPattern("greeter/0\\*\\s+error\\s+error");
	}

	@Test
	void aTemporaryRootIsDeletedUnlessKept() throws IOException {
		assertThat(run("deploy", this.charm.toString(), "--quiet", "--keep")).isZero();
		String kept = this.out.toString().lines().filter((l) -> l.startsWith("Kept ")).findFirst().orElseThrow();
		Path root = Path.of(kept.substring("Kept ".length()));
		assertThat(root).startsWith(this.dir.resolve("tmp"));
		assertThat(root.resolve("hook-logs")).isDirectory();
		assertThat(this.out.toString()).doesNotContain(" install ");
		io.springcharm.test.model.CharmDirectories.deleteQuietly(root);
		this.out.getBuffer().setLength(0);
		assertThat(run("deploy", this.charm.toString(), "--quiet")).isZero();
		assertThat(this.out.toString()).doesNotContain("Kept ");
		assertThat(this.dir.resolve("tmp")).isEmptyDirectory();
	}

	@Test
	void badStepsAndCharmsAreReportedInOneLine() {
		assertThat(run("deploy", this.charm.toString(), "--step", "dance")).isEqualTo(2);
		assertThat(this.err.toString()).contains("bad step 'dance'");
		assertThat(run("deploy", this.dir.resolve("nothing.charm").toString())).isEqualTo(1);
		assertThat(this.err.toString()).contains("ERROR no such charm");
		assertThat(run("deploy", this.charm.toString(), "--config", "workers=many")).isEqualTo(1);
		assertThat(this.err.toString()).contains("'workers' must be int");
	}

	@Test
	void stepsParseWithPicocli() {
		assertThat(StepParser.parse("config a=1,b=x c=3"))
			.isEqualTo(new Step.Config(java.util.Map.of("a", "1", "b", "x", "c", "3")));
		assertThat(StepParser.parse("run app/0 backup to='/tmp/a b' n=2"))
			.isEqualTo(new Step.Run("app/0", "backup", java.util.Map.of("to", "/tmp/a b", "n", "2")));
		assertThat(StepParser.parse("  leader app/1 ")).isEqualTo(new Step.Leader("app/1"));
		assertThat(StepParser.parse("remove-unit app/2")).isEqualTo(new Step.RemoveUnit("app/2"));
		assertThat(StepParser.parse("add-unit")).isEqualTo(new Step.AddUnit());
		assertThat(StepParser.parse("update-status")).isEqualTo(new Step.UpdateStatus());
		assertThat(StepParser.parse("hook app/0 upgrade-charm")).isEqualTo(new Step.Hook("app/0", "upgrade-charm"));
	}
}
