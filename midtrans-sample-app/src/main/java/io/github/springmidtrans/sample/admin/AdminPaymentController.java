package io.github.springmidtrans.sample.admin;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.MidtransRefund;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.PaymentStatus;
import io.github.springmidtrans.payment.RefundState;
import io.github.springmidtrans.sample.Labels;
import io.github.springmidtrans.sample.ViewFormats;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin pages of payments: the list with filters, the detail with items, refunds and
 * notifications, and the actions Midtrans allows in the payment's state.
 */
@Controller
@RequestMapping("/admin")
class AdminPaymentController {

	private static final Set<PaymentStatus> CANCELLABLE = EnumSet.of(PaymentStatus.PENDING, PaymentStatus.AUTHORIZE,
			PaymentStatus.CAPTURE);

	private static final Set<PaymentStatus> REFUNDABLE = EnumSet.of(PaymentStatus.SETTLEMENT,
			PaymentStatus.PARTIAL_REFUND);

	/** Midtrans refunds neither bank transfers nor convenience-store payments. */
	private static final Set<String> NOT_REFUNDABLE_TYPES = Set.of("bank_transfer", "echannel", "cstore");

	private final AdminQueries queries;

	private final PaymentService payments;

	private final Labels labels;

	private final ViewFormats formats;

	AdminPaymentController(AdminQueries queries, PaymentService payments, Labels labels, ViewFormats formats) {
		this.queries = queries;
		this.payments = payments;
		this.labels = labels;
		this.formats = formats;
	}

	@GetMapping({ "", "/" })
	String home() {
		return "redirect:/admin/payments";
	}

	@GetMapping("/payments")
	String payments(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String type, @RequestParam(defaultValue = "0") int page,
			Model model) {
		PaymentStatus statusFilter = parseStatus(status);
		String typeFilter = (type == null || type.isBlank()) ? null : type;
		model.addAttribute("payments", this.queries.payments(statusFilter, typeFilter, page));
		model.addAttribute("statuses", Arrays.asList(PaymentStatus.values()));
		model.addAttribute("types", this.queries.paymentTypes());
		model.addAttribute("status", (statusFilter != null) ? statusFilter.name() : "");
		model.addAttribute("type", (typeFilter != null) ? typeFilter : "");
		model.addAttribute("flaggedCount", this.queries.flaggedPayments());
		return "admin/payments";
	}

	@GetMapping("/payments/{orderId}")
	String payment(@PathVariable String orderId, Model model) {
		MidtransPayment payment = this.payments.findByOrderId(orderId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No payment " + orderId));
		model.addAttribute("payment", payment);
		model.addAttribute("refunds", this.payments.findRefunds(orderId));
		model.addAttribute("notifications", this.queries.notifications(orderId, 0).rows());
		model.addAttribute("refundable", refundable(payment));
		model.addAttribute("canCancel", CANCELLABLE.contains(payment.getStatus()) && !payment.isChallenged());
		model.addAttribute("canExpire", payment.getStatus() == PaymentStatus.PENDING);
		model.addAttribute("canCapture", payment.getStatus() == PaymentStatus.AUTHORIZE);
		model.addAttribute("canReview", payment.isChallenged());
		boolean refundableType = !NOT_REFUNDABLE_TYPES.contains(payment.getPaymentType());
		model.addAttribute("refundableType", refundableType);
		// One key per rendering of the form: a double submit or a resent request refunds
		// once.
		model.addAttribute("refundKey", "admin-" + UUID.randomUUID());
		model.addAttribute("canRefund", refundableType && REFUNDABLE.contains(payment.getStatus())
				&& refundable(payment).compareTo(BigDecimal.ZERO) > 0);
		model.addAttribute("canRefresh", !payment.getStatus().isFinal());
		return "admin/payment";
	}

	@PostMapping("/payments/{orderId}/cancel")
	String cancel(@PathVariable String orderId, RedirectAttributes redirect) {
		AdminActions.run(redirect, "Cancel",
				() -> "Cancelled: the payment is now " + status(this.payments.cancel(orderId)) + ".");
		return "redirect:/admin/payments/" + orderId;
	}

	@PostMapping("/payments/{orderId}/expire")
	String expire(@PathVariable String orderId, RedirectAttributes redirect) {
		AdminActions.run(redirect, "Expire",
				() -> "Expired: the payment is now " + status(this.payments.expire(orderId)) + ".");
		return "redirect:/admin/payments/" + orderId;
	}

	@PostMapping("/payments/{orderId}/capture")
	String capture(@PathVariable String orderId, RedirectAttributes redirect) {
		AdminActions.run(redirect, "Capture",
				() -> "Captured: the payment is now " + status(this.payments.capture(orderId, null)) + ".");
		return "redirect:/admin/payments/" + orderId;
	}

	@PostMapping("/payments/{orderId}/approve")
	String approve(@PathVariable String orderId, RedirectAttributes redirect) {
		AdminActions.run(redirect, "Approve",
				() -> "Approved: the payment is now " + status(this.payments.approve(orderId)) + ".");
		return "redirect:/admin/payments/" + orderId;
	}

	@PostMapping("/payments/{orderId}/deny")
	String deny(@PathVariable String orderId, RedirectAttributes redirect) {
		AdminActions.run(redirect, "Deny",
				() -> "Denied: the payment is now " + status(this.payments.deny(orderId)) + ".");
		return "redirect:/admin/payments/" + orderId;
	}

	@PostMapping("/payments/{orderId}/clear-flag")
	String clearFlag(@PathVariable String orderId, RedirectAttributes redirect) {
		AdminActions.run(redirect, "Clear flag", () -> {
			this.payments.clearFlag(orderId, "cleared on the admin page");
			return "Flag cleared.";
		});
		return "redirect:/admin/payments/" + orderId;
	}

	@PostMapping("/payments/{orderId}/refresh")
	String refresh(@PathVariable String orderId, RedirectAttributes redirect) {
		AdminActions.run(redirect, "Status check",
				() -> "Midtrans says the payment is " + status(this.payments.refreshStatus(orderId)) + ".");
		return "redirect:/admin/payments/" + orderId;
	}

	@PostMapping("/payments/{orderId}/refund")
	String refund(@PathVariable String orderId, @RequestParam(defaultValue = "") String amount,
			@RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String refundKey,
			RedirectAttributes redirect) {
		AdminActions.run(redirect, "Refund", () -> {
			BigDecimal value = parseAmount(amount);
			String key = refundKey.isBlank() ? "admin-" + UUID.randomUUID() : refundKey;
			MidtransRefund refund = this.payments.refund(orderId, value, reason.isBlank() ? null : reason.strip(),
					false, key);
			return (refund.getState() == RefundState.SUCCEEDED) ? "Refunded " + this.formats.rupiah(value) + "."
					: "Refund of " + this.formats.rupiah(value) + " is "
							+ this.labels.refundState(refund.getState()).toLowerCase(Locale.ROOT)
							+ "; Midtrans has not confirmed it yet.";
		});
		return "redirect:/admin/payments/" + orderId;
	}

	@GetMapping("/notifications")
	String notifications(@RequestParam(required = false) @Nullable String orderId,
			@RequestParam(defaultValue = "0") int page, Model model) {
		String filter = (orderId == null || orderId.isBlank()) ? null : orderId.strip();
		model.addAttribute("notifications", this.queries.notifications(filter, page));
		model.addAttribute("orderId", (filter != null) ? filter : "");
		return "admin/notifications";
	}

	private String status(MidtransPayment payment) {
		return this.labels.paymentStatus(payment.getStatus()).toLowerCase(Locale.ROOT);
	}

	private static BigDecimal refundable(MidtransPayment payment) {
		return payment.getGrossAmount().subtract(payment.getRefundedAmount());
	}

	private static BigDecimal parseAmount(String amount) {
		try {
			return new BigDecimal(amount.strip());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("'" + amount + "' is not an amount in rupiah");
		}
	}

	private static @Nullable PaymentStatus parseStatus(@Nullable String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return PaymentStatus.valueOf(status);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
