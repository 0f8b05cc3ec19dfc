package io.github.springmidtrans.sample.shop;

import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.MidtransException;
import io.github.springmidtrans.client.model.CardTokenRequest;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.CustomerDetails;
import io.github.springmidtrans.client.model.ItemDetail;
import io.github.springmidtrans.client.model.SnapRequest;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.PaymentService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places orders and starts their payment. The order is committed first, then Midtrans is
 * charged with no transaction open (the starter's {@link PaymentService} records the
 * payment under the order number before it calls), so a crash in between loses nothing:
 * the payment stays initiated and the starter's periodic check resolves it.
 */
@Service
public class Checkout {

	/**
	 * The card the shop pays with in demo mode and on the sandbox: a test card that both
	 * the simulator and Midtrans' sandbox accept. A real shop never sees card numbers;
	 * its page tokenizes the card in the browser with Midtrans' script.
	 */
	static final CardTokenRequest TEST_CARD = CardTokenRequest.of("4811111111111114", "12", "2030", "123");

	private static final Logger logger = LoggerFactory.getLogger(Checkout.class);

	private final ProductRepository products;

	private final ShopOrderRepository orders;

	private final PaymentService payments;

	private final MidtransClient client;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Checkout(ProductRepository products, ShopOrderRepository orders, PaymentService payments, MidtransClient client,
			TransactionTemplate transactions) {
		this.products = products;
		this.orders = orders;
		this.payments = payments;
		this.client = client;
		this.transactions = transactions;
		this.clock = Clock.systemUTC();
	}

	/**
	 * Place an order for a product and charge it through the Core API.
	 * @param productId the product
	 * @param quantity how many
	 * @param customer who orders
	 * @param option the payment method
	 * @return the result: the order, and why its payment could not start, if it could not
	 * @throws IllegalArgumentException for an unknown product or bad quantity
	 */
	public CheckoutResult payWithCoreApi(long productId, int quantity, Customer customer, PaymentOption option) {
		ShopOrder order = placeOrder(productId, quantity, customer, CheckoutChannel.CORE_API, option);
		try {
			ChargeRequest charge = option.charge(order.getOrderNumber(), order.getAmount(), () -> cardToken(order))
				.item(ItemDetail.of(order.getProductSku(), order.getProductName(), order.getUnitPrice(), quantity))
				.customer(CustomerDetails.of(customer.firstName(), customer.lastName(), customer.email(),
						customer.phone()))
				.build();
			MidtransPayment payment = this.payments.charge(charge);
			logger.info("Order {} charged with {}: {}", order.getOrderNumber(), option, payment.getStatus());
			return new CheckoutResult(order.getOrderNumber(), null);
		}
		catch (MidtransException ex) {
			logger.warn("Order {}: charge with {} failed: {}", order.getOrderNumber(), option, ex.getMessage());
			failIfNeverCharged(order);
			String message = ex.isRetryable()
					? "Midtrans could not be reached; the payment will be checked again shortly."
					: "Midtrans refused the payment: " + ex.getStatusMessage();
			return new CheckoutResult(order.getOrderNumber(), message);
		}
		catch (IllegalStateException ex) {
			logger.warn("Order {}: charge with {} failed: {}", order.getOrderNumber(), option, ex.getMessage());
			failIfNeverCharged(order);
			return new CheckoutResult(order.getOrderNumber(), "The payment could not start: " + ex.getMessage());
		}
	}

	/**
	 * Place an order for a product and start a Snap checkout for it: Midtrans' hosted
	 * page where the customer picks the method. The order is committed first; the starter
	 * then records the payment under the order number before it asks Snap for the page.
	 * @param productId the product
	 * @param quantity how many
	 * @param customer who orders
	 * @param finishUrl where Snap sends the browser back to once the customer is done
	 * @return the result: the order, the page to send the browser to, or why there is
	 * none
	 * @throws IllegalArgumentException for an unknown product or bad quantity
	 */
	public SnapCheckoutResult payWithSnap(long productId, int quantity, Customer customer, String finishUrl) {
		ShopOrder order = placeOrder(productId, quantity, customer, CheckoutChannel.SNAP, null);
		try {
			MidtransPayment payment = this.payments
				.createSnap(SnapRequest.builder(order.getOrderNumber(), order.getAmount())
					.item(ItemDetail.of(order.getProductSku(), order.getProductName(), order.getUnitPrice(), quantity))
					.customer(CustomerDetails.of(customer.firstName(), customer.lastName(), customer.email(),
							customer.phone()))
					.finishUrl(finishUrl)
					.build());
			logger.info("Order {} sent to Snap: {}", order.getOrderNumber(), payment.getStatus());
			return new SnapCheckoutResult(order.getOrderNumber(), payment.getSnapRedirectUrl(), null);
		}
		catch (MidtransException ex) {
			logger.warn("Order {}: Snap checkout failed: {}", order.getOrderNumber(), ex.getMessage());
			failIfNeverCharged(order);
			String message = ex.isRetryable()
					? "Midtrans could not be reached; the payment will be checked again shortly."
					: "Midtrans refused the checkout: " + ex.getStatusMessage();
			return new SnapCheckoutResult(order.getOrderNumber(), null, message);
		}
		catch (IllegalStateException ex) {
			logger.warn("Order {}: Snap checkout failed: {}", order.getOrderNumber(), ex.getMessage());
			failIfNeverCharged(order);
			return new SnapCheckoutResult(order.getOrderNumber(), null,
					"The payment could not start: " + ex.getMessage());
		}
	}

	/**
	 * Pay again for an order whose payment was declined, failed or expired: a new order
	 * for the same product, quantity and customer, under a new order number (Midtrans
	 * takes one charge per order id, and the first one stays on record as it ended).
	 * @param orderNumber the order whose payment failed
	 * @param option the payment method for the new try
	 * @return the result for the new order
	 * @throws IllegalArgumentException for an unknown order or one that cannot be paid
	 * again
	 */
	public CheckoutResult payAgainWithCoreApi(String orderNumber, PaymentOption option) {
		ShopOrder previous = retryable(orderNumber);
		return payWithCoreApi(productId(previous), previous.getQuantity(), previous.customer(), option);
	}

	/**
	 * Pay again with Snap for an order whose payment was declined, failed or expired; see
	 * {@link #payAgainWithCoreApi(String, PaymentOption)}.
	 * @param orderNumber the order whose payment failed
	 * @param finishUrl where Snap sends the browser back to
	 * @return the result for the new order
	 * @throws IllegalArgumentException for an unknown order or one that cannot be paid
	 * again
	 */
	public SnapCheckoutResult payAgainWithSnap(String orderNumber, String finishUrl) {
		ShopOrder previous = retryable(orderNumber);
		return payWithSnap(productId(previous), previous.getQuantity(), previous.customer(), finishUrl);
	}

	private ShopOrder retryable(String orderNumber) {
		ShopOrder previous = this.orders.findByOrderNumber(orderNumber)
			.orElseThrow(() -> new IllegalArgumentException("No order " + orderNumber));
		if (!previous.isRetryable()) {
			throw new IllegalArgumentException(
					"Order " + orderNumber + " is " + previous.getStatus().getLabel().toLowerCase(Locale.ROOT)
							+ ": only a declined, failed or expired payment can be tried again");
		}
		return previous;
	}

	private long productId(ShopOrder order) {
		Product product = this.products.findBySku(order.getProductSku())
			.orElseThrow(() -> new IllegalArgumentException(order.getProductName() + " is no longer sold"));
		return Objects.requireNonNull(product.getId());
	}

	/**
	 * Save a new order awaiting payment, in a transaction of its own: every way to pay
	 * starts here, then charges with no transaction open.
	 */
	private ShopOrder placeOrder(long productId, int quantity, Customer customer, CheckoutChannel channel,
			@Nullable PaymentOption option) {
		Product product = this.products.findById(productId)
			.orElseThrow(() -> new IllegalArgumentException("No product with id " + productId));
		ShopOrder order = this.transactions.execute((status) -> this.orders
			.save(new ShopOrder(newOrderNumber(), product, quantity, customer, channel, option, this.clock.instant())));
		if (order == null) {
			throw new IllegalStateException("The order was not saved");
		}
		return order;
	}

	/**
	 * When the charge never reached Midtrans (the card token failed first), no payment
	 * exists and no event will come: the order fails here. Otherwise the payment's events
	 * decide, and a payment left initiated is resolved by the starter's periodic check.
	 */
	private void failIfNeverCharged(ShopOrder order) {
		if (this.payments.findByOrderId(order.getOrderNumber()).isEmpty()) {
			this.transactions.executeWithoutResult((status) -> this.orders.findByOrderNumber(order.getOrderNumber())
				.ifPresent((saved) -> saved.markUnpaid(OrderStatus.PAYMENT_FAILED)));
		}
	}

	private String cardToken(ShopOrder order) {
		String token = this.client.cards().token(TEST_CARD.withGrossAmount(order.getAmount())).tokenId();
		if (token == null) {
			throw new IllegalStateException("Midtrans returned no card token for order " + order.getOrderNumber());
		}
		return token;
	}

	private static String newOrderNumber() {
		long random = ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36);
		return "SHOP-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT) + "-"
				+ Long.toString(random, 36).toUpperCase(Locale.ROOT);
	}

	/**
	 * What checkout did.
	 *
	 * @param orderNumber the order number
	 * @param error why the payment did not start, or {@code null}
	 */
	public record CheckoutResult(String orderNumber, @Nullable String error) {

	}

	/**
	 * What a Snap checkout did.
	 *
	 * @param orderNumber the order number
	 * @param redirectUrl Snap's page for the customer, or {@code null} when there is none
	 * @param error why the payment did not start, or {@code null}
	 */
	public record SnapCheckoutResult(String orderNumber, @Nullable String redirectUrl, @Nullable String error) {

	}

}
