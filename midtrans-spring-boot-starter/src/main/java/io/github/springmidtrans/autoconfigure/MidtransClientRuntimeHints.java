package io.github.springmidtrans.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

import io.github.springmidtrans.client.model.ChargeRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.ClassUtils;

/**
 * Reflection hints for the client's JSON: every request and response type of
 * {@code io.github.springmidtrans.client.model}, with what Jackson reaches from them
 * (record components, nested types, enums and their factory methods). The services also
 * keep requests as JSON in their rows and read them back, so persistence needs them too.
 * The package is listed when the hints are written (ahead-of-time processing), so a type
 * added later is covered without a change here.
 */
class MidtransClientRuntimeHints implements RuntimeHintsRegistrar {

	static final String MODEL_PACKAGE = ClassUtils.getPackageName(ChargeRequest.class);

	private final BindingReflectionHintsRegistrar bindings = new BindingReflectionHintsRegistrar();

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		for (Class<?> type : modelTypes(classLoader)) {
			this.bindings.registerReflectionHints(hints.reflection(), type);
		}
	}

	static Class<?>[] modelTypes(@Nullable ClassLoader classLoader) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
		String pattern = "classpath*:" + ClassUtils.convertClassNameToResourcePath(MODEL_PACKAGE) + "/*.class";
		try {
			return Arrays.stream(resolver.getResources(pattern))
				.map(Resource::getFilename)
				// Nested types are reached from the top-level ones that use them.
				.filter((name) -> name != null && !name.contains("$") && !name.equals("package-info.class"))
				.map((name) -> MODEL_PACKAGE + "." + name.substring(0, name.length() - ".class".length()))
				.distinct()
				.sorted()
				.map((name) -> ClassUtils.resolveClassName(name, classLoader))
				.toArray(Class<?>[]::new);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list the classes of " + MODEL_PACKAGE, ex);
		}
	}

}
