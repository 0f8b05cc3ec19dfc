package io.github.springmidtrans.sample;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.springmidtrans.client.model.InvoiceVaBank;
import io.github.springmidtrans.invoice.InvoiceStatus;
import io.github.springmidtrans.notification.NotificationOutcome;
import io.github.springmidtrans.payment.PaymentFlag;
import io.github.springmidtrans.payment.PaymentStatus;
import io.github.springmidtrans.payment.RefundState;
import io.github.springmidtrans.subscription.SubscriptionStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * How pages name things: the words a person reads instead of the codes that Midtrans and
 * the starter use ({@code bank_transfer}, {@code SETTLEMENT}, {@code BCA_VA}). Pages keep
 * the codes in {@code data-*} attributes for scripts and tests. Templates call it as
 * {@code @labels}.
 */
@Component("labels")
public class Labels {

	private static final Map<String, String> PAYMENT_TYPES = Map.ofEntries(Map.entry("bank_transfer", "Bank transfer"),
			Map.entry("echannel", "Mandiri Bill Payment"), Map.entry("cstore", "Convenience store"),
			Map.entry("qris", "QRIS"), Map.entry("gopay", "GoPay"), Map.entry("shopeepay", "ShopeePay"),
			Map.entry("credit_card", "Card"), Map.entry("akulaku", "Akulaku"), Map.entry("kredivo", "Kredivo"),
			Map.entry("bca_klikpay", "BCA KlikPay"), Map.entry("cimb_clicks", "CIMB Clicks"),
			Map.entry("danamon_online", "Danamon Online Banking"), Map.entry("bri_epay", "BRImo"),
			Map.entry("uob_ezpay", "UOB EZ Pay"), Map.entry("other_qris", "QRIS"));

	private static final Map<String, String> BANKS = Map.ofEntries(Map.entry("bca", "BCA"), Map.entry("bni", "BNI"),
			Map.entry("bri", "BRI"), Map.entry("permata", "Permata"), Map.entry("mandiri", "Mandiri"),
			Map.entry("cimb", "CIMB Niaga"), Map.entry("danamon", "Danamon"), Map.entry("maybank", "Maybank"),
			Map.entry("mega", "Bank Mega"), Map.entry("bsi", "BSI"), Map.entry("seabank", "SeaBank"),
			Map.entry("indomaret", "Indomaret"), Map.entry("alfamart", "Alfamart"));

	private static final Map<String, String> JOBS = Map.of("midtrans.check-pending-payments", "Check pending payments",
			"midtrans.expire-stale-payments", "Expire stale payments", "midtrans.check-overdue-invoices",
			"Check overdue invoices", "midtrans.sync-subscription-status", "Sync subscription status");

	private static final Map<String, String> JOB_RESULTS = Map.of("CheckPendingPaymentsResult.queued",
			"%d pending payment(s) queued for a status check", "ExpireStalePaymentsResult.expired",
			"%d stale payment(s) expired", "CheckOverdueInvoicesResult.overdue", "%d invoice(s) marked overdue",
			"SyncSubscriptionStatusResult.synced", "%d subscription(s) synced");

	private static final Pattern ONE_COUNT_RESULT = Pattern.compile("(\\w+)\\[(\\w+)=(\\d+)]");

	/**
	 * A payment's status.
	 * @param status the status, or {@code null}
	 * @return its label
	 */
	public String paymentStatus(@Nullable PaymentStatus status) {
		if (status == null) {
			return "";
		}
		return switch (status) {
			case INITIATED -> "Starting";
			case PENDING -> "Awaiting payment";
			case AUTHORIZE -> "Authorised, not captured";
			case CAPTURE -> "Captured";
			case SETTLEMENT -> "Settled";
			case DENY -> "Denied";
			case CANCEL -> "Cancelled";
			case EXPIRE -> "Expired";
			case FAILURE -> "Failed at Midtrans";
			case REFUND -> "Refunded";
			case PARTIAL_REFUND -> "Partly refunded";
			case CHARGEBACK -> "Charged back";
			case PARTIAL_CHARGEBACK -> "Partly charged back";
			case FAILED -> "Failed";
		};
	}

	/**
	 * A transaction status as Midtrans writes it ({@code settlement}), with the fraud
	 * status when there is one.
	 * @param transactionStatus the transaction status, or {@code null}
	 * @param fraudStatus the fraud status, or {@code null}
	 * @return its label
	 */
	public String transactionStatus(@Nullable String transactionStatus, @Nullable String fraudStatus) {
		if (transactionStatus == null || transactionStatus.isBlank()) {
			return "";
		}
		String label;
		try {
			label = paymentStatus(PaymentStatus.valueOf(transactionStatus.toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			label = words(transactionStatus);
		}
		if (fraudStatus != null && !fraudStatus.isBlank() && !fraudStatus.equalsIgnoreCase("accept")) {
			label += " (fraud check: " + fraudStatus.toLowerCase(Locale.ROOT) + ")";
		}
		return label;
	}

	/**
	 * A payment type as Midtrans writes it ({@code bank_transfer}).
	 * @param paymentType the type, or {@code null}
	 * @return its label
	 */
	public String paymentType(@Nullable String paymentType) {
		if (paymentType == null || paymentType.isBlank()) {
			return "";
		}
		return PAYMENT_TYPES.getOrDefault(paymentType.toLowerCase(Locale.ROOT), words(paymentType));
	}

	/**
	 * A payment type with its bank or store, such as "Bank transfer, BCA".
	 * @param paymentType the type, or {@code null}
	 * @param bank the bank or store, or {@code null}
	 * @return its label
	 */
	public String paymentMethod(@Nullable String paymentType, @Nullable String bank) {
		String type = paymentType(paymentType);
		String provider = bank(bank);
		return (type.isEmpty() || provider.isEmpty()) ? type + provider : type + ", " + provider;
	}

	/**
	 * A bank or store as Midtrans writes it ({@code bca}, {@code bca_va}).
	 * @param bank the code, or {@code null}
	 * @return its name
	 */
	public String bank(@Nullable String bank) {
		if (bank == null || bank.isBlank()) {
			return "";
		}
		String code = bank.toLowerCase(Locale.ROOT).replaceFirst("_va$", "");
		return BANKS.getOrDefault(code, code.toUpperCase(Locale.ROOT));
	}

	/**
	 * The virtual account an invoice can be paid into.
	 * @param bank the bank
	 * @return its label
	 */
	public String invoiceBank(InvoiceVaBank bank) {
		return switch (bank) {
			case MANDIRI_BILL -> "Mandiri Bill Payment";
			case UNKNOWN -> "Other";
			default -> bank(bank.wireValue()) + " virtual account";
		};
	}

	/**
	 * What the shop made of a notification.
	 * @param outcome the outcome, or {@code null}
	 * @return its label
	 */
	public String notificationOutcome(@Nullable NotificationOutcome outcome) {
		if (outcome == null) {
			return "";
		}
		return switch (outcome) {
			case PROCESSED -> "Applied";
			case DUPLICATE -> "Already applied";
			case STALE -> "Out of date, ignored";
			case UNKNOWN_ORDER -> "Unknown order";
			case AMOUNT_MISMATCH -> "Amount does not match";
			case FLAGGED -> "Flagged for a person";
			case IGNORED -> "Kept, nothing to apply";
			case INVALID_SIGNATURE -> "Rejected: bad signature";
			case MALFORMED -> "Rejected: unreadable";
			case FAILED -> "Failed, Midtrans will resend";
		};
	}

	/**
	 * Why a payment waits for a person.
	 * @param flag the flag, or {@code null}
	 * @return its label
	 */
	public String flag(@Nullable PaymentFlag flag) {
		return (flag != null) ? words(flag.name()) : "";
	}

	/**
	 * A refund's state.
	 * @param state the state, or {@code null}
	 * @return its label
	 */
	public String refundState(@Nullable RefundState state) {
		return (state != null) ? words(state.name()) : "";
	}

	/**
	 * An invoice's status.
	 * @param status the status, or {@code null}
	 * @return its label
	 */
	public String invoiceStatus(@Nullable InvoiceStatus status) {
		return (status != null) ? words(status.name()) : "";
	}

	/**
	 * A subscription's status.
	 * @param status the status, or {@code null}
	 * @return its label
	 */
	public String subscriptionStatus(@Nullable SubscriptionStatus status) {
		return (status != null) ? words(status.name()) : "";
	}

	/**
	 * How often a subscription charges, such as "every month" or "every 2 weeks".
	 * @param interval the number of units
	 * @param unit the unit as Midtrans writes it ({@code month})
	 * @return the schedule in words
	 */
	public String schedule(int interval, @Nullable String unit) {
		String name = (unit != null) ? unit.toLowerCase(Locale.ROOT) : "";
		return (interval == 1) ? "every " + name : "every " + interval + " " + name + "s";
	}

	/**
	 * A periodic job's name.
	 * @param job the job's name in the starter ({@code midtrans.check-pending-payments})
	 * @return its label
	 */
	public String job(String job) {
		return JOBS.getOrDefault(job, words(job.replaceFirst("^midtrans\\.", "")));
	}

	/**
	 * A cron schedule in words, for the shapes the starter's schedules take; anything
	 * else is shown as the expression.
	 * @param cron a six-field cron expression, or {@code null}
	 * @return the schedule in words
	 */
	public String cron(@Nullable String cron) {
		if (cron == null || cron.isBlank() || cron.equals("-")) {
			return "not scheduled";
		}
		String[] fields = cron.trim().split("\\s+");
		if (fields.length != 6 || !fields[0].equals("0") || !fields[3].equals("*") || !fields[4].equals("*")
				|| !fields[5].equals("*")) {
			return "cron " + cron;
		}
		String minute = fields[1];
		String hour = fields[2];
		if (minute.startsWith("*/") && hour.equals("*")) {
			return "every " + minute.substring(2) + " minutes";
		}
		if (minute.matches("\\d+") && hour.equals("*")) {
			return minute.equals("0") ? "every hour" : "every hour at minute " + minute;
		}
		if (minute.matches("\\d+") && hour.matches("\\d+")) {
			return "daily at %02d:%02d".formatted(Integer.parseInt(hour), Integer.parseInt(minute));
		}
		return "cron " + cron;
	}

	/**
	 * What a job's run did, in words.
	 * @param result the starter's result text, such as
	 * {@code ExpireStalePaymentsResult[expired=2]}, or {@code null}
	 * @return the sentence
	 */
	public String jobResult(@Nullable String result) {
		if (result == null || result.isBlank()) {
			return "";
		}
		Matcher matcher = ONE_COUNT_RESULT.matcher(result.strip());
		if (!matcher.matches()) {
			return result;
		}
		String sentence = JOB_RESULTS.get(matcher.group(1) + "." + matcher.group(2));
		int count = Integer.parseInt(matcher.group(3));
		return (sentence != null) ? sentence.formatted(count) : words(matcher.group(2)) + ": " + count;
	}

	/**
	 * {@code PARTIAL_REFUND}, {@code bank_transfer}, {@code check-pending} or
	 * {@code handledItems} to a capitalised phrase such as "Partial refund".
	 */
	private static String words(String code) {
		String spaced = code.replaceAll("([a-z])([A-Z])", "$1 $2")
			.replace('_', ' ')
			.replace('-', ' ')
			.toLowerCase(Locale.ROOT)
			.strip();
		return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
	}

}
