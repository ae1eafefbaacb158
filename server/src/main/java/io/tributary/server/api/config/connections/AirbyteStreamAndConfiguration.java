package io.tributary.server.api.config.connections;

/** One stream of a sync catalog: what the source offers and how the connection syncs it. */
public record AirbyteStreamAndConfiguration(AirbyteStream stream, AirbyteStreamConfiguration config) {}
