package io.github.springmidtrans.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.springmidtrans.task.TaskProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/tasks.md shows a YAML block of {@code midtrans.tasks} and says "These are the
 * defaults": bound as an application would bind it, it must give exactly the defaults of
 * {@link TaskProperties}.
 */
class TaskDefaultsDocumentationTests {

	private static final Pattern DEFAULTS_BLOCK = Pattern.compile("These are the defaults.*?```yaml\\n(.*?)```",
			Pattern.DOTALL);

	@Test
	void theDefaultsBlockOfTheTasksPageHoldsTheRealDefaults() throws IOException {
		String page = Files.readString(Docs.root().resolve("docs/tasks.md"));
		Matcher block = DEFAULTS_BLOCK.matcher(page);
		assertThat(block.find()).as("a YAML block after \"These are the defaults\" in docs/tasks.md").isTrue();
		List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("tasks.md",
				new ByteArrayResource(block.group(1).getBytes()));
		StandardEnvironment environment = new StandardEnvironment();
		sources.forEach(environment.getPropertySources()::addFirst);
		Binder binder = new Binder(ConfigurationPropertySources.get(environment));

		TaskProperties documented = binder.bindOrCreate("midtrans.tasks", Bindable.of(TaskProperties.class));

		assertThat(documented).usingRecursiveComparison().isEqualTo(new TaskProperties());
		// The block says something: more than an empty mapping.
		assertThat(block.group(1)).contains("check-pending-payments", "expiry-grace", "check-payment-status");
	}

}
