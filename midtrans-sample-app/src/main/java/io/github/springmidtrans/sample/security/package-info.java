/**
 * Who may do what in the sample shop: a demo login for the admin pages, the REST API and
 * Actuator, CSRF protection for forms, and an open notification endpoint.
 */
@NullMarked
package io.github.springmidtrans.sample.security;

import org.jspecify.annotations.NullMarked;
