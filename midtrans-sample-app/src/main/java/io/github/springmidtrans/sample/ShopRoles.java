package io.github.springmidtrans.sample;

/**
 * The shop's roles.
 */
public final class ShopRoles {

	/** Runs the shop: the admin pages, the REST API and Actuator. */
	public static final String ADMIN = "ADMIN";

	private ShopRoles() {
	}

}
