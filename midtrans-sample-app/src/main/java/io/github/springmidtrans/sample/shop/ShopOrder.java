package io.github.springmidtrans.sample.shop;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * An order of the shop. Its order number is also the Midtrans order id of its payment.
 * Status changes only through the intention-revealing methods, which move it forward.
 */
@Entity
@Table(name = "shop_order")
public class ShopOrder {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "order_number", nullable = false, unique = true, length = 50)
	private String orderNumber;

	@Column(name = "product_sku", nullable = false, length = 50)
	private String productSku;

	@Column(name = "product_name", nullable = false, length = 100)
	private String productName;

	@Column(nullable = false)
	private int quantity;

	@Column(name = "unit_price", nullable = false)
	private long unitPrice;

	@Column(nullable = false)
	private long amount;

	@Column(name = "customer_name", nullable = false, length = 100)
	private String customerName;

	@Column(name = "customer_email", nullable = false, length = 100)
	private String customerEmail;

	@Column(name = "customer_phone", length = 30)
	private @Nullable String customerPhone;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private CheckoutChannel channel;

	@Enumerated(EnumType.STRING)
	// Null for a Snap order: the customer picks the method on Midtrans' page.
	@Column(name = "payment_option", length = 32)
	private @Nullable PaymentOption paymentOption;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 32)
	private OrderStatus status;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "paid_at")
	private @Nullable Instant paidAt;

	@Column(name = "fulfilled_at")
	private @Nullable Instant fulfilledAt;

	@Version
	private long version;

	protected ShopOrder() {
		this.orderNumber = "";
		this.productSku = "";
		this.productName = "";
		this.customerName = "";
		this.customerEmail = "";
		this.channel = CheckoutChannel.CORE_API;
		this.paymentOption = PaymentOption.BCA_VA;
		this.status = OrderStatus.AWAITING_PAYMENT;
		this.createdAt = Instant.EPOCH;
	}

	ShopOrder(String orderNumber, Product product, int quantity, Customer customer, CheckoutChannel channel,
			@Nullable PaymentOption paymentOption, Instant now) {
		if (quantity < 1 || quantity > 10) {
			throw new IllegalArgumentException("Quantity must be between 1 and 10");
		}
		this.orderNumber = orderNumber;
		this.productSku = product.getSku();
		this.productName = product.getName();
		this.quantity = quantity;
		this.unitPrice = product.getPrice();
		this.amount = Math.multiplyExact(product.getPrice(), quantity);
		this.customerName = customer.name();
		this.customerEmail = customer.email();
		this.customerPhone = customer.phone();
		if ((channel == CheckoutChannel.CORE_API) != (paymentOption != null)) {
			throw new IllegalArgumentException(
					"A Core API order needs a payment option and a Snap order has none, not " + paymentOption);
		}
		this.channel = channel;
		this.paymentOption = paymentOption;
		this.status = OrderStatus.AWAITING_PAYMENT;
		this.createdAt = now;
	}

	/**
	 * The payment is received.
	 * @param now the time
	 * @return whether the order moved (it was awaiting payment)
	 */
	boolean markPaid(Instant now) {
		if (this.status != OrderStatus.AWAITING_PAYMENT && this.status != OrderStatus.PAYMENT_FAILED) {
			return false;
		}
		this.status = OrderStatus.PAID;
		this.paidAt = now;
		return true;
	}

	/**
	 * The goods are handed over.
	 * @param now the time
	 * @return whether the order moved (it was paid)
	 */
	boolean markFulfilled(Instant now) {
		if (this.status != OrderStatus.PAID) {
			return false;
		}
		this.status = OrderStatus.FULFILLED;
		this.fulfilledAt = now;
		return true;
	}

	/**
	 * The payment ended without money: expired, cancelled or failed.
	 * @param outcome the new status
	 * @return whether the order moved (it was awaiting payment)
	 */
	boolean markUnpaid(OrderStatus outcome) {
		if (outcome.isPaid() || outcome == OrderStatus.REFUNDED || outcome == OrderStatus.AWAITING_PAYMENT) {
			throw new IllegalArgumentException(outcome + " is not an unpaid outcome");
		}
		if (this.status != OrderStatus.AWAITING_PAYMENT) {
			return false;
		}
		this.status = outcome;
		return true;
	}

	/**
	 * The whole payment went back to the customer.
	 * @return whether the order moved (it was paid)
	 */
	boolean markRefunded() {
		if (!this.status.isPaid()) {
			return false;
		}
		this.status = OrderStatus.REFUNDED;
		return true;
	}

	/**
	 * Whether the customer may pay again, with a new order: the payment was declined,
	 * failed or expired, so no money was taken.
	 * @return {@code true} for a failed or expired payment
	 */
	public boolean isRetryable() {
		return this.status == OrderStatus.PAYMENT_FAILED || this.status == OrderStatus.EXPIRED;
	}

	/**
	 * Who ordered.
	 * @return the customer
	 */
	Customer customer() {
		return new Customer(this.customerName, this.customerEmail, this.customerPhone);
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public String getOrderNumber() {
		return this.orderNumber;
	}

	public String getProductSku() {
		return this.productSku;
	}

	public String getProductName() {
		return this.productName;
	}

	public int getQuantity() {
		return this.quantity;
	}

	public long getUnitPrice() {
		return this.unitPrice;
	}

	public long getAmount() {
		return this.amount;
	}

	public String getCustomerName() {
		return this.customerName;
	}

	public String getCustomerEmail() {
		return this.customerEmail;
	}

	public @Nullable String getCustomerPhone() {
		return this.customerPhone;
	}

	public CheckoutChannel getChannel() {
		return this.channel;
	}

	/**
	 * The payment method the shop charged with.
	 * @return the option, or {@code null} for a Snap order (its method is the payment's
	 * type, once the customer chose one)
	 */
	public @Nullable PaymentOption getPaymentOption() {
		return this.paymentOption;
	}

	public OrderStatus getStatus() {
		return this.status;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public @Nullable Instant getPaidAt() {
		return this.paidAt;
	}

	public @Nullable Instant getFulfilledAt() {
		return this.fulfilledAt;
	}

}
