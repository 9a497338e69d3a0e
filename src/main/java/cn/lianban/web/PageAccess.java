package cn.lianban.web;

import org.springframework.security.core.Authentication;

/**
 * A page whose own check is finer than the URL rules (the dashboard by unit, 双报到 by role and unit): the module
 * that owns the page contributes it as a bean, and the header offers the page's link only to whom it lets in.
 */
public interface PageAccess {

    /** The page's address as the header links it, e.g. {@code /dashboard}. */
    String page();

    boolean mayUse(Authentication user);
}
