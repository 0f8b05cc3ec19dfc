package io.github.springmidtrans.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.CreditCardOptions;
import io.github.springmidtrans.client.model.CustomerDetails;
import io.github.springmidtrans.client.model.ExpiryUnit;
import io.github.springmidtrans.client.model.ItemDetail;
import io.github.springmidtrans.client.model.PaymentType;
import io.github.springmidtrans.client.model.SnapPageExpiry;
import io.github.springmidtrans.client.model.SnapRequest;
import io.github.springmidtrans.client.model.Store;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.MidtransPaymentItem;
import io.github.springmidtrans.payment.MidtransRefund;
import io.github.springmidtrans.payment.PaymentNotFoundException;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.PaymentStatus;
import io.github.springmidtrans.payment.RefundState;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * REST API over {@link PaymentService}: charge, start a Snap checkout, list, read,
 * refresh, cancel, expire, capture and refund payments, under
 * {@code midtrans.web.api.base-path} + {@code /payments}. Answers never carry idempotency
 * keys, refund keys, stored charge bodies or card tokens. The API moves money: the
 * application must protect it.
 *
 * @since 0.1.0
 */
@RestController
@RequestMapping(path = "${midtrans.web.api.base-path:/midtrans/api}/payments", produces = "application/json")
public class MidtransPaymentController {

	private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private static final Pattern REFUND_KEY = Pattern.compile("[A-Za-z0-9_\\-]{1,100}");

	private final PaymentService payments;

	/**
	 * Refund requests this instance is serving, by key.
	 */
	private final ConcurrentMap<String, CompletableFuture<@Nullable Void>> refundsInFlight = new ConcurrentHashMap<>();

	/**
	 * Create the controller.
	 * @param payments the payment service
	 */
	public MidtransPaymentController(PaymentService payments) {
		this.payments = payments;
	}

	/**
	 * Charge through Midtrans' Core API. Repeating the same body is safe: the order id
	 * identifies the charge.
	 * @param body the charge
	 * @return 201 with the payment as it stands after Midtrans' answer
	 */
	@PostMapping(consumes = "application/json")
	public ResponseEntity<PaymentView> charge(@RequestBody ChargeBody body) {
		MidtransPayment payment = this.payments.charge(body.toChargeRequest());
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{orderId}")
			.buildAndExpand(payment.getOrderId())
			.toUri();
		return ResponseEntity.created(location).body(PaymentView.of(payment, null));
	}

	/**
	 * Start a Snap checkout (Midtrans' hosted payment page) and answer the token for
	 * {@code snap.js} and the redirect URL. Repeating the same body is safe and resumes
	 * the checkout: an order id that already has its token answers the stored one, and
	 * Midtrans never gets a second transaction for it. Unset values come from
	 * {@code midtrans.snap.*}.
	 * @param body the checkout
	 * @return 201 with the token, the redirect URL and when the page expires
	 */
	@PostMapping(path = "/snap", consumes = "application/json")
	public ResponseEntity<SnapView> snap(@RequestBody SnapBody body) {
		MidtransPayment payment = this.payments.createSnap(body.toSnapRequest());
		ServletUriComponentsBuilder current = ServletUriComponentsBuilder.fromCurrentRequestUri();
		String payments = String.valueOf(current.build().getPath()).replaceFirst("/snap$", "");
		URI location = current.replacePath(payments).path("/{orderId}").buildAndExpand(payment.getOrderId()).toUri();
		return ResponseEntity.created(location).body(SnapView.of(payment));
	}

	/**
	 * List payments, newest first.
	 * @param status only payments in this status (a {@link PaymentStatus} name, any case)
	 * @param limit page size, 1 to 100
	 * @param before only payments with a smaller id: the previous page's
	 * {@code nextBefore}
	 * @return the page
	 */
	@GetMapping
	public MidtransApiPage<PaymentView> list(@RequestParam(required = false) @Nullable String status,
			@RequestParam(defaultValue = "" + ApiRequests.DEFAULT_LIMIT) int limit,
			@RequestParam(required = false) @Nullable Long before) {
		int size = ApiRequests.limit(limit);
		List<MidtransPayment> page = this.payments.findRecent(ApiRequests.status(status, PaymentStatus.class),
				ApiRequests.before(before), size);
		return new MidtransApiPage<>(page.stream().map((payment) -> PaymentView.of(payment, null)).toList(),
				ApiRequests.nextBefore(page, size, MidtransPayment::getId));
	}

	/**
	 * Read a payment as stored, with its items and refunds.
	 * @param orderId the order id
	 * @return the payment
	 */
	@GetMapping("/{orderId}")
	public PaymentView get(@PathVariable String orderId) {
		MidtransPayment payment = this.payments.findByOrderId(orderId)
			.orElseThrow(() -> new PaymentNotFoundException("No payment with order id '" + orderId + "' is stored"));
		return detail(payment);
	}

	/**
	 * Read the payment's status from Midtrans and apply it.
	 * @param orderId the order id
	 * @return the payment afterwards
	 */
	@PostMapping("/{orderId}/status")
	public PaymentView refreshStatus(@PathVariable String orderId) {
		return detail(this.payments.refreshStatus(orderId));
	}

	/**
	 * Cancel the payment before settlement.
	 * @param orderId the order id
	 * @return the payment afterwards
	 */
	@PostMapping("/{orderId}/cancel")
	public PaymentView cancel(@PathVariable String orderId) {
		return detail(this.payments.cancel(orderId));
	}

	/**
	 * Expire the pending payment now.
	 * @param orderId the order id
	 * @return the payment afterwards
	 */
	@PostMapping("/{orderId}/expire")
	public PaymentView expire(@PathVariable String orderId) {
		return detail(this.payments.expire(orderId));
	}

	/**
	 * Capture a pre-authorised card payment, wholly or in part.
	 * @param orderId the order id
	 * @param body the amount to capture; no body or no amount captures all
	 * @return the payment afterwards
	 */
	@PostMapping("/{orderId}/capture")
	public PaymentView capture(@PathVariable String orderId,
			@RequestBody(required = false) @Nullable CaptureBody body) {
		Long amount = (body != null) ? body.amount() : null;
		if (amount != null && amount < 1) {
			throw new IllegalArgumentException("Capture amount must be positive, got " + amount);
		}
		return detail(this.payments.capture(orderId, amount));
	}

	/**
	 * Refund a paid payment, wholly or in part, under the caller's
	 * {@code Idempotency-Key} header, which becomes the refund's key at Midtrans. The key
	 * is required: a request without one is refused with 400 before anything is recorded,
	 * because a refund repeated after a timeout must find the first one. The same key
	 * again answers the same refund (201 again) without refunding twice; concurrent
	 * requests with one key in this instance are served one after the other, so Midtrans
	 * is called once.
	 * @param orderId the order id
	 * @param body the amount, reason and whether to refund directly
	 * @param idempotencyKey the caller's key for this refund: 1 to 100 characters of
	 * {@code A-Z a-z 0-9 _ -}, unique across all orders
	 * @return 201 with the refund afterwards
	 */
	@PostMapping(path = "/{orderId}/refunds", consumes = "application/json")
	public ResponseEntity<RefundView> refund(@PathVariable String orderId, @RequestBody RefundBody body,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String idempotencyKey) {
		String refundKey = refundKey(idempotencyKey);
		BigDecimal amount = ApiRequests.required(body.amount(), "amount");
		boolean direct = Boolean.TRUE.equals(body.direct());
		CompletableFuture<@Nullable Void> mine = new CompletableFuture<>();
		CompletableFuture<@Nullable Void> earlier;
		while ((earlier = this.refundsInFlight.putIfAbsent(refundKey, mine)) != null) {
			// Another request with this key is being served: wait for it, then find its
			// refund instead of sending the key to Midtrans a second time.
			earlier.join();
		}
		try {
			MidtransRefund refund = this.payments.refund(orderId, amount, body.reason(), direct, refundKey);
			return ResponseEntity.status(201).body(RefundView.of(refund));
		}
		finally {
			this.refundsInFlight.remove(refundKey, mine);
			mine.complete(null);
		}
	}

	private static String refundKey(@Nullable String idempotencyKey) {
		if (idempotencyKey == null || idempotencyKey.isBlank()) {
			throw new MissingIdempotencyKeyException("Refunds need an " + IDEMPOTENCY_KEY
					+ " header: 1 to 100 characters of A-Z a-z 0-9 _ - that name this refund, sent again unchanged"
					+ " when the request is repeated");
		}
		if (!REFUND_KEY.matcher(idempotencyKey).matches()) {
			throw new IllegalArgumentException(
					IDEMPOTENCY_KEY + " must be 1 to 100 characters of A-Z a-z 0-9 _ - for a refund");
		}
		return idempotencyKey;
	}

	private PaymentView detail(MidtransPayment payment) {
		return PaymentView.of(payment,
				this.payments.findRefunds(payment.getOrderId()).stream().map(RefundView::of).toList());
	}

	/**
	 * A charge as the REST API accepts it: camelCase JSON, a subset of Midtrans' charge
	 * body. The payment type decides which other fields are needed.
	 *
	 * @param orderId the order id, unique per charge (required)
	 * @param grossAmount the amount in whole rupiah (required)
	 * @param paymentType {@code bank_transfer}, {@code echannel}, {@code gopay},
	 * {@code shopeepay}, {@code qris}, {@code cstore}, {@code credit_card},
	 * {@code akulaku} or {@code kredivo} (required)
	 * @param bank the bank of a {@code bank_transfer}, such as {@code bca}
	 * @param store the store of a {@code cstore} payment: {@code indomaret} or
	 * {@code alfamart}
	 * @param cardTokenId the single-use card token of a {@code credit_card} payment
	 * (never shown back)
	 * @param cardAuthentication whether a {@code credit_card} payment goes through 3D
	 * Secure; on when absent
	 * @param cardAuthorizeOnly whether a {@code credit_card} payment is only authorized,
	 * to be captured later
	 * @param callbackUrl where ShopeePay returns the customer
	 * @param billInfo1 label shown by the bank for {@code echannel}
	 * @param billInfo2 value shown by the bank for {@code echannel}
	 * @param items the items, adding up to the gross amount
	 * @param customer the customer
	 */
	public record ChargeBody(@Nullable String orderId, @Nullable Long grossAmount, @Nullable String paymentType,
			@Nullable String bank, @Nullable String store, @Nullable String cardTokenId,
			@Nullable Boolean cardAuthentication, @Nullable Boolean cardAuthorizeOnly, @Nullable String callbackUrl,
			@Nullable String billInfo1, @Nullable String billInfo2, @Nullable List<ItemBody> items,
			@Nullable CustomerBody customer) {

		ChargeRequest toChargeRequest() {
			String id = ApiRequests.required(this.orderId, "orderId");
			long amount = ApiRequests.required(this.grossAmount, "grossAmount");
			String typeName = ApiRequests.required(this.paymentType, "paymentType");
			PaymentType type = PaymentType.fromWireValue(typeName);
			ChargeRequest.Builder builder = switch (type) {
				case BANK_TRANSFER -> ChargeRequest.bankTransfer(id, amount, known(
						Bank.fromWireValue(ApiRequests.required(this.bank, "bank")), Bank.UNKNOWN, "bank", this.bank));
				case ECHANNEL -> ChargeRequest.echannel(id, amount, (this.billInfo1 != null) ? this.billInfo1 : "Order",
						(this.billInfo2 != null) ? this.billInfo2 : id);
				case GOPAY -> ChargeRequest.gopay(id, amount);
				case SHOPEEPAY -> ChargeRequest.shopeepay(id, amount, this.callbackUrl);
				case QRIS -> ChargeRequest.qris(id, amount);
				case CSTORE -> ChargeRequest.cstore(id, amount,
						known(Store.fromWireValue(ApiRequests.required(this.store, "store")), Store.UNKNOWN, "store",
								this.store));
				case CREDIT_CARD -> ChargeRequest.builder(PaymentType.CREDIT_CARD, id, amount).creditCard(card());
				case AKULAKU -> ChargeRequest.akulaku(id, amount);
				case KREDIVO -> ChargeRequest.kredivo(id, amount);
				default ->
					throw new IllegalArgumentException("paymentType '" + typeName + "' is not supported by the API");
			};
			if (this.items != null && !this.items.isEmpty()) {
				builder.items(this.items.stream().map(ItemBody::toItemDetail).toList());
			}
			if (this.customer != null) {
				builder.customer(this.customer.toCustomerDetails());
			}
			return builder.build();
		}

		private CreditCardOptions card() {
			CreditCardOptions card = CreditCardOptions.token(ApiRequests.required(this.cardTokenId, "cardTokenId"));
			if (this.cardAuthentication != null) {
				card = card.withAuthentication(this.cardAuthentication);
			}
			return Boolean.TRUE.equals(this.cardAuthorizeOnly) ? card.authorizeOnly() : card;
		}

		private static <E> E known(@Nullable E value, E unknown, String name, @Nullable String given) {
			if (value == null || value == unknown) {
				throw new IllegalArgumentException(name + " '" + given + "' is not known");
			}
			return value;
		}

		@Override
		public String toString() {
			return "ChargeBody[orderId=" + this.orderId + ", grossAmount=" + this.grossAmount + ", paymentType="
					+ this.paymentType + ", cardTokenId=" + ((this.cardTokenId != null) ? "(hidden)" : null) + "]";
		}

	}

	/**
	 * A Snap checkout, as the REST API takes it.
	 *
	 * @param orderId the order id (required)
	 * @param grossAmount the amount in whole rupiah (required)
	 * @param enabledPayments the methods the page offers, in Snap's names such as
	 * {@code bca_va} or {@code other_qris}; {@code midtrans.snap.enabled-payments} when
	 * absent
	 * @param finishUrl where the browser goes after the page;
	 * {@code midtrans.snap.finish-url} when absent
	 * @param pageExpiryMinutes how long the page can be opened;
	 * {@code midtrans.snap.page-expiry} when absent
	 * @param items the items, adding up to the gross amount
	 * @param customer the customer
	 */
	public record SnapBody(@Nullable String orderId, @Nullable Long grossAmount, @Nullable List<String> enabledPayments,
			@Nullable String finishUrl, @Nullable Integer pageExpiryMinutes, @Nullable List<ItemBody> items,
			@Nullable CustomerBody customer) {

		SnapRequest toSnapRequest() {
			SnapRequest.Builder builder = SnapRequest.builder(ApiRequests.required(this.orderId, "orderId"),
					ApiRequests.required(this.grossAmount, "grossAmount"));
			if (this.enabledPayments != null) {
				builder.enabledPayments(this.enabledPayments);
			}
			if (this.finishUrl != null) {
				builder.finishUrl(this.finishUrl);
			}
			if (this.pageExpiryMinutes != null) {
				builder.pageExpiry(SnapPageExpiry.of(this.pageExpiryMinutes, ExpiryUnit.MINUTE));
			}
			if (this.items != null) {
				this.items.forEach((item) -> builder.item(item.toItemDetail()));
			}
			if (this.customer != null) {
				builder.customer(this.customer.toCustomerDetails());
			}
			return builder.build();
		}

	}

	/**
	 * A Snap checkout as the REST API answers it: what the browser needs to open the
	 * page. The token is meant for the paying customer's browser only.
	 *
	 * @param orderId the order id
	 * @param status the local status: {@code PENDING} until paid, expired or failed
	 * @param paymentType the method the customer picked, {@code null} until then
	 * @param snapToken the token for {@code window.snap.pay(token)}
	 * @param redirectUrl the hosted page, for redirect mode
	 * @param pageExpiryTime when the page stops accepting a choice
	 */
	public record SnapView(String orderId, PaymentStatus status, @Nullable String paymentType,
			@Nullable String snapToken, @Nullable String redirectUrl, @Nullable Instant pageExpiryTime) {

		static SnapView of(MidtransPayment payment) {
			return new SnapView(payment.getOrderId(), payment.getStatus(), payment.getPaymentType(),
					payment.getSnapToken(), payment.getSnapRedirectUrl(), payment.getSnapPageExpiryTime());
		}

		@Override
		public String toString() {
			return "SnapView[orderId=" + this.orderId + ", status=" + this.status + "]";
		}

	}

	/**
	 * An item of a charge.
	 *
	 * @param id the merchant's item id
	 * @param name the name shown to the customer (required)
	 * @param price the unit price in whole rupiah (required)
	 * @param quantity how many (required)
	 */
	public record ItemBody(@Nullable String id, @Nullable String name, @Nullable Long price,
			@Nullable Integer quantity) {

		ItemDetail toItemDetail() {
			return ItemDetail.of(this.id, ApiRequests.required(this.name, "items[].name"),
					ApiRequests.required(this.price, "items[].price"),
					ApiRequests.required(this.quantity, "items[].quantity"));
		}

	}

	/**
	 * The customer of a charge or subscription.
	 *
	 * @param firstName the first name
	 * @param lastName the last name
	 * @param email the email address
	 * @param phone the phone number
	 */
	public record CustomerBody(@Nullable String firstName, @Nullable String lastName, @Nullable String email,
			@Nullable String phone) {

		CustomerDetails toCustomerDetails() {
			return CustomerDetails.of(this.firstName, this.lastName, this.email, this.phone);
		}

	}

	/**
	 * A capture.
	 *
	 * @param amount the amount to capture in whole rupiah; {@code null} for all
	 */
	public record CaptureBody(@Nullable Long amount) {

	}

	/**
	 * A refund.
	 *
	 * @param amount the amount in whole rupiah (required)
	 * @param reason why, at most 255 characters
	 * @param direct whether to use Midtrans' direct (online) refund endpoint
	 */
	public record RefundBody(@Nullable BigDecimal amount, @Nullable String reason, @Nullable Boolean direct) {

	}

	/**
	 * A payment as the REST API shows it: ids and values, never keys, tokens or stored
	 * Midtrans bodies.
	 *
	 * @param id the local id, for paging
	 * @param orderId the order id
	 * @param transactionId Midtrans' transaction id
	 * @param paymentType Midtrans' payment type
	 * @param bank the bank, for bank transfers and cards
	 * @param grossAmount the amount
	 * @param currency the currency
	 * @param status the local status
	 * @param transactionStatus Midtrans' last transaction status
	 * @param fraudStatus Midtrans' fraud verdict
	 * @param statusMessage Midtrans' last status message
	 * @param paid whether the payment counts as paid
	 * @param refundedAmount how much was refunded
	 * @param vaNumber the virtual account number to pay into
	 * @param billerCode the Mandiri biller code
	 * @param billKey the Mandiri bill key
	 * @param paymentCode the convenience store payment code
	 * @param redirectUrl where to send the customer
	 * @param deeplinkUrl the e-wallet deeplink
	 * @param qrCodeUrl the QR code image
	 * @param customerFirstName the customer's first name
	 * @param customerLastName the customer's last name
	 * @param customerEmail the customer's email address
	 * @param customerPhone the customer's phone number
	 * @param transactionTime when Midtrans created the transaction
	 * @param settlementTime when it settled
	 * @param expiryTime when it expires unpaid
	 * @param createdAt when the row was created
	 * @param updatedAt when the row last changed
	 * @param items the items
	 * @param refunds the refunds, oldest first; only on single-payment answers
	 */
	public record PaymentView(@Nullable Long id, String orderId, @Nullable String transactionId, String paymentType,
			@Nullable String bank, BigDecimal grossAmount, String currency, PaymentStatus status,
			@Nullable String transactionStatus, @Nullable String fraudStatus, @Nullable String statusMessage,
			boolean paid, BigDecimal refundedAmount, @Nullable String vaNumber, @Nullable String billerCode,
			@Nullable String billKey, @Nullable String paymentCode, @Nullable String redirectUrl,
			@Nullable String deeplinkUrl, @Nullable String qrCodeUrl, @Nullable String customerFirstName,
			@Nullable String customerLastName, @Nullable String customerEmail, @Nullable String customerPhone,
			@Nullable Instant transactionTime, @Nullable Instant settlementTime, @Nullable Instant expiryTime,
			Instant createdAt, Instant updatedAt, List<PaymentItemView> items,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<RefundView> refunds) {

		static PaymentView of(MidtransPayment payment, @Nullable List<RefundView> refunds) {
			return new PaymentView(payment.getId(), payment.getOrderId(), payment.getTransactionId(),
					payment.getPaymentType(), payment.getBank(), payment.getGrossAmount(), payment.getCurrency(),
					payment.getStatus(), payment.getTransactionStatus(), payment.getFraudStatus(),
					payment.getStatusMessage(), payment.isPaid(), payment.getRefundedAmount(), payment.getVaNumber(),
					payment.getBillerCode(), payment.getBillKey(), payment.getPaymentCode(), payment.getRedirectUrl(),
					payment.getDeeplinkUrl(), payment.getQrCodeUrl(), payment.getCustomerFirstName(),
					payment.getCustomerLastName(), payment.getCustomerEmail(), payment.getCustomerPhone(),
					payment.getTransactionTime(), payment.getSettlementTime(), payment.getExpiryTime(),
					payment.getCreatedAt(), payment.getUpdatedAt(),
					payment.getItems().stream().map(PaymentItemView::of).toList(), refunds);
		}

	}

	/**
	 * An item of a payment.
	 *
	 * @param itemId the merchant's item id
	 * @param name the name
	 * @param price the unit price
	 * @param quantity how many
	 */
	public record PaymentItemView(@Nullable String itemId, String name, BigDecimal price, int quantity) {

		static PaymentItemView of(MidtransPaymentItem item) {
			return new PaymentItemView(item.getItemId(), item.getName(), item.getPrice(), item.getQuantity());
		}

	}

	/**
	 * A refund as the REST API shows it, without its refund key.
	 *
	 * @param id the local id
	 * @param orderId the payment's order id
	 * @param amount the amount
	 * @param reason why
	 * @param direct whether the direct endpoint was used
	 * @param state requested, succeeded or failed
	 * @param statusCode Midtrans' status code
	 * @param statusMessage Midtrans' status message
	 * @param midtransRefundId Midtrans' refund id
	 * @param createdAt when it was requested
	 * @param updatedAt when it last changed
	 */
	public record RefundView(@Nullable Long id, String orderId, BigDecimal amount, @Nullable String reason,
			boolean direct, RefundState state, @Nullable String statusCode, @Nullable String statusMessage,
			@Nullable Long midtransRefundId, Instant createdAt, Instant updatedAt) {

		static RefundView of(MidtransRefund refund) {
			return new RefundView(refund.getId(), refund.getOrderId(), refund.getAmount(), refund.getReason(),
					refund.isDirect(), refund.getState(), refund.getStatusCode(), refund.getStatusMessage(),
					refund.getMidtransRefundId(), refund.getCreatedAt(), refund.getUpdatedAt());
		}

	}

}
