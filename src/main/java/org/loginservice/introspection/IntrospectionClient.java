package org.loginservice.introspection;

/**
 * A resource server that proved it is one of {@link IntrospectionSettings#clients}.
 *
 * @param name its name in the settings
 */
record IntrospectionClient(String name) {

}
