package io.github.springmidtrans.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link MidtransConfigurationException} into the short "APPLICATION FAILED TO
 * START" report naming the property, instead of a stack trace.
 */
class MidtransConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<MidtransConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MidtransConfigurationException cause) {
		return new FailureAnalysis("Midtrans is not configured: " + cause.getMessage() + ".", cause.getAction(), cause);
	}

}
