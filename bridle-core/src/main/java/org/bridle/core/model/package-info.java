/** The values a scan produces: observables, timeline events, alerts and severities. */
package org.bridle.core.model;
