/**
 * REST API sources: the simple {@code rest} form and Airbyte's declarative manifests, both compiled to
 * one HTTP runtime ({@link io.tributary.rest.http}) of requests, authentication, pagination, retries
 * and streamed pages.
 */
package io.tributary.rest;
