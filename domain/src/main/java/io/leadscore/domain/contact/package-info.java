/** Who a contact is, as the engine sees it: attributes and tags. JDK only. */
package io.leadscore.domain.contact;
