package io.findingflow.api.resources;

/** POST creates, PUT replaces (required fields must be sent), PATCH changes what is sent. */
public enum WriteMode { CREATE, PUT, PATCH }
