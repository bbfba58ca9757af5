package org.fundguard.kit.request;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Responses of the annotated resources carry personal data (a receipt, its secret, an identity, a person's file): no
 * browser, proxy or gateway may keep them ({@code Cache-Control: no-store}, set by {@link NoStoreFilter}), whatever
 * the defaults around them.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface NoStore {

}
