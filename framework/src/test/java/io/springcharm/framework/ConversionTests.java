package io.springcharm.framework;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.springcharm.framework.conversion.ConversionCharm;
import io.springcharm.framework.tool.ToolCall;
import io.springcharm.framework.tool.ToolResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Config reaches beans through Boot's conversions, as in a Spring Boot application. */
class ConversionTests {

	@TempDir
	Path charmDir;

	@Test
	void durationsAndSizesInConfigBindToRecordsAndValues() throws Exception {
		Files.writeString(this.charmDir.resolve("metadata.yaml"), "name: conversion\n");
		Files.writeString(this.charmDir.resolve("config.yaml"), """
				options:
				  interval: {type: string, default: 5m}
				  cache-size: {type: string, default: 64MB}
				  timeout: {type: string, default: 1500ms}
				""");
		List<String> status = new ArrayList<>();
		Map<String, String> env = Map.of("JUJU_UNIT_NAME", "conversion/0", "JUJU_CONTEXT_ID", "ctx",
				"JUJU_DISPATCH_PATH", "hooks/update-status", "JUJU_CHARM_DIR", this.charmDir.toString());
		CharmApplication.HookOutcome outcome = new CharmApplication(ConversionCharm.class).environment(env)
			.toolRunner((ToolCall call) -> {
				if (call.tool().equals("config-get")) {
					return ToolResult.ok("{\"interval\": \"5m\", \"cache-size\": \"64MB\", \"timeout\": \"1500ms\"}");
				}
				if (call.tool().equals("status-set")) {
					status.add(call.toString());
				}
				return ToolResult.ok("");
			})
			.execute();
		assertThat(outcome.failure()).isNull();
		assertThat(status).containsExactly("status-set active -- 300s 64MB 1500ms");
	}
}
