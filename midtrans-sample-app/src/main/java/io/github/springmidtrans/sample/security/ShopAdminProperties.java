package io.github.springmidtrans.sample.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shop's one admin login ({@code shop.admin.*}).
 */
@ConfigurationProperties("shop.admin")
public class ShopAdminProperties {

	/** The password the shop uses when none is set; printed at startup and documented. */
	public static final String DEMO_PASSWORD = "shop-demo";

	/** The admin's user name. */
	private String username = "admin";

	/** The admin's password; the documented demo password unless set. */
	private String password = DEMO_PASSWORD;

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	/**
	 * Whether the password is the documented demo password, which anyone can read.
	 * @return {@code true} for the demo password
	 */
	public boolean isDemoPassword() {
		return DEMO_PASSWORD.equals(this.password);
	}

	@Override
	public String toString() {
		return "ShopAdminProperties[username=" + this.username + "]";
	}

}
