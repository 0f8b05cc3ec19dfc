/**
 * Spring Boot auto-configuration for Midtrans: the client, persistence, services and the
 * notification endpoint, configured with {@code midtrans.*} properties.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.springmidtrans.autoconfigure;

import org.jspecify.annotations.NullMarked;
