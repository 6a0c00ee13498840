# Messages of the portal's limits on what a request may carry.

error-too-long = Address too long
error-too-long-message = The address asked for is longer than the portal accepts. Shorten the part after “?” and try again.
