package io.streamplane.api.http;

import java.time.Duration;

/**
 * What the endpoint allows one caller, so that no caller, slow or hostile, holds what others need.
 *
 * @param headerTimeout   how long a request's line and headers may take to arrive once begun
 * @param keepAliveTimeout how long a connection may wait for its next request (longer than the
 *                        60 s an AWS SDK keeps an idle connection, so the SDK closes first)
 * @param idleTimeout     how long a connection may send and receive nothing mid-request
 * @param bodyTimeout     how long a buffered request body may take to arrive whole
 * @param maxConnections  connections open at once; beyond it new ones wait to be accepted
 * @param maxHeaderBytes  the request line and headers together
 * @param maxBodyBytes    a request body of the JSON services (S3 bodies stream and are not capped here)
 * @param bodyReadBeforeSignature how much of a body is read before the request's credential is
 *                        checked; a larger body is read only for a known key, region and date
 * @param largeBodyBudget bytes all bodies beyond that first part may hold in memory at once
 */
public record EndpointLimits(Duration headerTimeout, Duration keepAliveTimeout, Duration idleTimeout,
                             Duration bodyTimeout, int maxConnections, int maxHeaderBytes, int maxBodyBytes,
                             int bodyReadBeforeSignature, long largeBodyBudget) {

    /**
     * The server's limits. The largest request of any served API is a Secrets Manager value of
     * 64 KiB, JSON-escaped; 1 MiB holds it with room.
     */
    public static EndpointLimits defaults() {
        return new EndpointLimits(Duration.ofSeconds(10), Duration.ofSeconds(75), Duration.ofSeconds(20),
                Duration.ofSeconds(20), 1000, 16 * 1024, 1024 * 1024, 64 * 1024, 64L * 1024 * 1024);
    }
}
