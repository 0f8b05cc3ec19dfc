package io.github.springmidtrans.sample.admin;

import java.util.function.Supplier;

import io.github.springmidtrans.client.MidtransException;
import io.github.springmidtrans.invoice.InvoiceNotFoundException;
import io.github.springmidtrans.payment.PaymentNotFoundException;
import io.github.springmidtrans.subscription.SubscriptionNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Runs an admin action and turns its outcome into a message for the next page: a refused
 * or failed action is shown as a sentence, never as a stack trace.
 */
final class AdminActions {

	private static final Logger logger = LoggerFactory.getLogger(AdminActions.class);

	private AdminActions() {
	}

	static void run(RedirectAttributes redirect, String what, Supplier<String> action) {
		try {
			redirect.addFlashAttribute("message", action.get());
		}
		catch (MidtransException ex) {
			logger.warn("{} failed: {}", what, ex.getMessage());
			String detail = (ex.getStatusMessage() != null) ? ex.getStatusMessage() : ex.getMessage();
			redirect.addFlashAttribute("error", what + " failed: " + detail
					+ (ex.isRetryable() ? " (Midtrans could not be reached or was busy; try again)" : ""));
		}
		catch (IllegalArgumentException | IllegalStateException | PaymentNotFoundException | InvoiceNotFoundException
				| SubscriptionNotFoundException ex) {
			redirect.addFlashAttribute("error", what + " refused: " + ex.getMessage());
		}
	}

}
