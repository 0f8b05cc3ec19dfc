package io.github.springmidtrans.test.junit;

import java.lang.reflect.Parameter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.test.MidtransSimulator;
import io.github.springmidtrans.test.SimulatorClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A JUnit Jupiter extension that starts a {@link MidtransSimulator} for a test class or
 * for each test, and injects it, a {@link MidtransClient} pointed at it and its
 * {@link SimulatorClock} into test methods, lifecycle methods and constructors.
 *
 * <p>
 * Used through {@link MidtransSimulatorTest}, or registered on a field to configure the
 * simulator in code:
 *
 * <pre>{@code
 * &#64;RegisterExtension
 * static final MidtransSimulatorExtension midtrans = MidtransSimulatorExtension.perClass()
 *     .customize((builder) -> builder.notificationUrl("http://localhost:8080/midtrans/notification"));
 * }</pre>
 *
 * With {@link Lifecycle#PER_CLASS} (the default; the field must then be {@code static})
 * one simulator serves the whole class, including {@code @Nested} classes, and is
 * {@linkplain MidtransSimulator#reset() reset} before each test, its clock set back to
 * the time it started at. With {@link Lifecycle#PER_METHOD}, or when registered on an
 * instance field, each test gets a new simulator, which can be injected into test and
 * {@code @BeforeEach} methods but not constructors. Simulators are closed when their
 * class or test ends.
 *
 * @since 0.1.0
 */
public final class MidtransSimulatorExtension
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(MidtransSimulatorExtension.class);

	private static final String KEY = "simulator";

	private final @Nullable Lifecycle lifecycle;

	private final Consumer<MidtransSimulator.Builder> customizer;

	/**
	 * The extension as {@link MidtransSimulatorTest} registers it: settings come from
	 * that annotation (or the defaults when the class has none).
	 */
	public MidtransSimulatorExtension() {
		this(null, (builder) -> {
		});
	}

	private MidtransSimulatorExtension(@Nullable Lifecycle lifecycle, Consumer<MidtransSimulator.Builder> customizer) {
		this.lifecycle = lifecycle;
		this.customizer = customizer;
	}

	/**
	 * An extension sharing one simulator across the test class; register it on a
	 * {@code static} field.
	 * @return the extension
	 */
	public static MidtransSimulatorExtension perClass() {
		return new MidtransSimulatorExtension(Lifecycle.PER_CLASS, (builder) -> {
		});
	}

	/**
	 * An extension giving each test its own simulator.
	 * @return the extension
	 */
	public static MidtransSimulatorExtension perMethod() {
		return new MidtransSimulatorExtension(Lifecycle.PER_METHOD, (builder) -> {
		});
	}

	/**
	 * An extension like this one that also applies the given settings to every simulator
	 * it builds (server key, clock, notification URL, control endpoints...). Called once
	 * per simulator, so create a new clock inside it rather than sharing one.
	 * @param customizer changes to the simulator's builder
	 * @return a new extension
	 */
	public MidtransSimulatorExtension customize(Consumer<MidtransSimulator.Builder> customizer) {
		Objects.requireNonNull(customizer, "customizer");
		return new MidtransSimulatorExtension(this.lifecycle, this.customizer.andThen(customizer));
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		if (lifecycle(context) == Lifecycle.PER_CLASS && running(context) == null) {
			start(context);
		}
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		Running running = running(context);
		if (running == null) {
			start(context);
		}
		else if (!running.owner().equals(context.getUniqueId())) {
			running.simulator().reset();
			running.simulator().clock().set(running.startedAt());
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		stopIfOwner(context);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stopIfOwner(context);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Class<?> type = parameterContext.getParameter().getType();
		return type == MidtransSimulator.class || type == MidtransClient.class || type == SimulatorClock.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Parameter parameter = parameterContext.getParameter();
		if (lifecycle(extensionContext) == Lifecycle.PER_METHOD && extensionContext.getTestMethod().isEmpty()) {
			throw new ParameterResolutionException("A per-method Midtrans simulator cannot be injected into "
					+ parameter.getDeclaringExecutable() + "; inject it into test or @BeforeEach methods");
		}
		Running running = running(extensionContext);
		if (running == null) {
			// Asked for before beforeAll or beforeEach ran (a constructor, or a
			// parameter of another extension's callback): start it now; they find it.
			running = start(extensionContext);
		}
		if (parameter.getType() == MidtransSimulator.class) {
			return running.simulator();
		}
		if (parameter.getType() == MidtransClient.class) {
			return running.client();
		}
		if (parameter.getType() == SimulatorClock.class) {
			return running.simulator().clock();
		}
		throw new ParameterResolutionException("Cannot resolve " + parameter);
	}

	private Running start(ExtensionContext context) {
		Optional<MidtransSimulatorTest> annotation = context.getTestClass()
			.flatMap((type) -> AnnotationSupport.findAnnotation(type, MidtransSimulatorTest.class));
		MidtransSimulator.Builder builder = MidtransSimulator.builder();
		annotation.ifPresent((settings) -> apply(settings, builder));
		this.customizer.accept(builder);
		MidtransSimulator simulator = builder.build().start();
		MidtransClient client = MidtransClient.builder()
			.serverKey(simulator.serverKey())
			.baseUrl(simulator.baseUrl())
			.snapBaseUrl(simulator.snapBaseUrl())
			.build();
		Running running = new Running(context.getUniqueId(), simulator, client, simulator.clock().instant());
		context.getStore(NAMESPACE).put(KEY, running);
		return running;
	}

	private static void apply(MidtransSimulatorTest settings, MidtransSimulator.Builder builder) {
		builder.serverKey(settings.serverKey()).controlEndpoints(settings.controlEndpoints());
		if (!settings.notificationUrl().isEmpty()) {
			builder.notificationUrl(settings.notificationUrl());
		}
		if (!settings.clockStart().isEmpty()) {
			try {
				builder.clock(SimulatorClock.startingAt(Instant.parse(settings.clockStart())));
			}
			catch (DateTimeParseException ex) {
				throw new ExtensionConfigurationException(
						"@MidtransSimulatorTest clockStart must be an ISO-8601 instant "
								+ "such as 2026-03-01T03:00:00Z, got '" + settings.clockStart() + "'",
						ex);
			}
		}
	}

	private static void stopIfOwner(ExtensionContext context) {
		ExtensionContext.Store store = context.getStore(NAMESPACE);
		Running running = store.get(KEY, Running.class);
		if (running != null && running.owner().equals(context.getUniqueId())) {
			store.remove(KEY);
			running.simulator().close();
		}
	}

	private static @Nullable Running running(ExtensionContext context) {
		// Stores see their parents' values: a test finds its class's simulator.
		return context.getStore(NAMESPACE).get(KEY, Running.class);
	}

	private Lifecycle lifecycle(ExtensionContext context) {
		if (this.lifecycle != null) {
			return this.lifecycle;
		}
		return context.getTestClass()
			.flatMap((type) -> AnnotationSupport.findAnnotation(type, MidtransSimulatorTest.class))
			.map(MidtransSimulatorTest::lifecycle)
			.orElse(Lifecycle.PER_CLASS);
	}

	/**
	 * How long a simulator lives.
	 *
	 * @since 0.1.0
	 */
	public enum Lifecycle {

		/** One simulator for the test class, reset before each test. */
		PER_CLASS,

		/** A new simulator for each test. */
		PER_METHOD

	}

	/**
	 * A started simulator, the context that started it (and closes it), and its start
	 * time. Deliberately not {@code AutoCloseable}: the owner closes it, not the store.
	 */
	private record Running(String owner, MidtransSimulator simulator, MidtransClient client, Instant startedAt) {

	}

}
