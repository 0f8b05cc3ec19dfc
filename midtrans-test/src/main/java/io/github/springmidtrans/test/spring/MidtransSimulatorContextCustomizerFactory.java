package io.github.springmidtrans.test.spring;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Finds {@link AutoConfigureMidtransSimulator} on a test class; registered in
 * {@code META-INF/spring.factories}.
 */
class MidtransSimulatorContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		AutoConfigureMidtransSimulator annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigureMidtransSimulator.class);
		return (annotation != null) ? new MidtransSimulatorContextCustomizer(annotation.notificationUrl()) : null;
	}

}
