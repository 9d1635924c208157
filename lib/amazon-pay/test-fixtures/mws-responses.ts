/** Hand-written MWS response documents modelled on the reference's §3–§5 shapes (test only). */

const NS = 'xmlns="http://mws.amazonservices.com/schema/OffAmazonPayments/2013-01-01"';

export const getOrderReferenceDetailsDraft = `<?xml version="1.0" encoding="UTF-8"?>
<GetOrderReferenceDetailsResponse ${NS}>
  <GetOrderReferenceDetailsResult>
    <OrderReferenceDetails>
      <OrderReferenceStatus><State>Draft</State></OrderReferenceStatus>
      <AmazonOrderReferenceId>S01-9821095-1837200</AmazonOrderReferenceId>
      <Destination>
        <DestinationType>Physical</DestinationType>
        <PhysicalDestination>
          <City>Seattle</City><StateOrRegion>WA</StateOrRegion><PostalCode>98101</PostalCode><CountryCode>US</CountryCode>
        </PhysicalDestination>
      </Destination>
      <ExpirationTimestamp>2016-04-27T21:02:38.508Z</ExpirationTimestamp>
      <IdList/>
      <SellerOrderAttributes/>
      <Constraints>
        <Constraint><ConstraintID>AmountNotSet</ConstraintID><Description>The seller has not set the amount for the Order Reference.</Description></Constraint>
        <Constraint><ConstraintID>PaymentPlanNotSet</ConstraintID><Description>The buyer has not been able to select a Payment method for the given Order Reference.</Description></Constraint>
      </Constraints>
      <ReleaseEnvironment>Sandbox</ReleaseEnvironment>
      <CreationTimestamp>2015-10-30T21:02:38.508Z</CreationTimestamp>
    </OrderReferenceDetails>
  </GetOrderReferenceDetailsResult>
  <ResponseMetadata><RequestId>5f20169b-7ab2-11df-bcef-d35615e2b044</RequestId></ResponseMetadata>
</GetOrderReferenceDetailsResponse>`;

/** Prefixed namespace, one authorization id, buyer and full address after confirmation. */
export const getOrderReferenceDetailsOpen = `<ns2:GetOrderReferenceDetailsResponse xmlns:ns2="http://mws.amazonservices.com/schema/OffAmazonPayments/2013-01-01">
<ns2:ResponseMetadata><ns2:RequestId>b4ab4bc3-c9ea-44f0-9a3d-67cccef565c6</ns2:RequestId></ns2:ResponseMetadata>
<ns2:GetOrderReferenceDetailsResult><ns2:OrderReferenceDetails>
<ns2:AmazonOrderReferenceId>S01-5695290-1354077</ns2:AmazonOrderReferenceId>
<ns2:Buyer><ns2:Name>Jane Doe</ns2:Name><ns2:Email>jane@example.com</ns2:Email><ns2:Phone>800-000-0000</ns2:Phone></ns2:Buyer>
<ns2:OrderTotal><ns2:CurrencyCode>USD</ns2:CurrencyCode><ns2:Amount>19.99</ns2:Amount></ns2:OrderTotal>
<ns2:SellerNote>Thanks &amp; enjoy</ns2:SellerNote>
<ns2:Destination><ns2:DestinationType>Physical</ns2:DestinationType><ns2:PhysicalDestination>
<ns2:Name>Jane Doe</ns2:Name><ns2:AddressLine1>1 Main St</ns2:AddressLine1><ns2:City>Seattle</ns2:City><ns2:StateOrRegion>WA</ns2:StateOrRegion><ns2:PostalCode>98101</ns2:PostalCode><ns2:CountryCode>US</ns2:CountryCode><ns2:Phone>800-000-0000</ns2:Phone>
</ns2:PhysicalDestination></ns2:Destination>
<ns2:BillingAddress><ns2:AddressType>Physical</ns2:AddressType><ns2:PhysicalAddress><ns2:Name>Jane Doe</ns2:Name><ns2:City>Seattle</ns2:City><ns2:CountryCode>US</ns2:CountryCode></ns2:PhysicalAddress></ns2:BillingAddress>
<ns2:SellerOrderAttributes><ns2:SellerOrderId>1001</ns2:SellerOrderId><ns2:StoreName>Shop</ns2:StoreName>
<ns2:OrderItemCategories><ns2:OrderItemCategory>Books</ns2:OrderItemCategory></ns2:OrderItemCategories></ns2:SellerOrderAttributes>
<ns2:OrderReferenceStatus><ns2:LastUpdateTimestamp>2015-10-30T21:05:00.000Z</ns2:LastUpdateTimestamp><ns2:State>Open</ns2:State></ns2:OrderReferenceStatus>
<ns2:IdList><ns2:member>S01-5695290-1354077-A041953</ns2:member></ns2:IdList>
<ns2:ParentDetails><ns2:Id>C01-1234567-1234567</ns2:Id><ns2:Type>BillingAgreement</ns2:Type></ns2:ParentDetails>
<ns2:RequestPaymentAuthorization>false</ns2:RequestPaymentAuthorization>
<ns2:PaymentAuthenticationStatus><ns2:State>REQUIRED</ns2:State></ns2:PaymentAuthenticationStatus>
<ns2:OrderLanguage>en-US</ns2:OrderLanguage>
</ns2:OrderReferenceDetails></ns2:GetOrderReferenceDetailsResult>
</ns2:GetOrderReferenceDetailsResponse>`;

/** CaptureNow authorization: Closed/MaxCapturesProcessed with the capture id in IdList. */
export const authorizeCaptureNow = `<AuthorizeResponse ${NS}>
  <AuthorizeResult>
    <AuthorizationDetails>
      <AuthorizationAmount><CurrencyCode>USD</CurrencyCode><Amount>19.99</Amount></AuthorizationAmount>
      <CapturedAmount><CurrencyCode>USD</CurrencyCode><Amount>19.99</Amount></CapturedAmount>
      <SoftDescriptor>AMZ*Shop</SoftDescriptor>
      <ExpirationTimestamp>2015-11-29T21:02:38.508Z</ExpirationTimestamp>
      <IdList><member>S01-5695290-1354077-C041953</member></IdList>
      <SoftDecline>false</SoftDecline>
      <AuthorizationStatus>
        <LastUpdateTimestamp>2015-10-30T21:02:38.508Z</LastUpdateTimestamp>
        <State>Closed</State>
        <ReasonCode>MaxCapturesProcessed</ReasonCode>
      </AuthorizationStatus>
      <AuthorizationFee><CurrencyCode>USD</CurrencyCode><Amount>0.00</Amount></AuthorizationFee>
      <CaptureNow>true</CaptureNow>
      <SellerAuthorizationNote/>
      <CreationTimestamp>2015-10-30T21:02:38.508Z</CreationTimestamp>
      <AmazonAuthorizationId>S01-5695290-1354077-A041953</AmazonAuthorizationId>
      <AuthorizationReferenceId>ord-1001-a1</AuthorizationReferenceId>
    </AuthorizationDetails>
  </AuthorizeResult>
  <ResponseMetadata><RequestId>a3b1c2d4-0000-4000-8000-000000000001</RequestId></ResponseMetadata>
</AuthorizeResponse>`;

/** JPY capture with two refunds (multi-element IdList). */
export const getCaptureDetailsJpy = `<GetCaptureDetailsResponse ${NS}>
<GetCaptureDetailsResult><CaptureDetails>
<AmazonCaptureId>S03-1111111-2222222-C000001</AmazonCaptureId><CaptureReferenceId>cap-1</CaptureReferenceId>
<CaptureAmount><Amount>5000</Amount><CurrencyCode>JPY</CurrencyCode></CaptureAmount>
<RefundedAmount><Amount>1500</Amount><CurrencyCode>JPY</CurrencyCode></RefundedAmount>
<CaptureFee><Amount>0</Amount><CurrencyCode>JPY</CurrencyCode></CaptureFee>
<IdList><member>S03-1111111-2222222-R000001</member><member>S03-1111111-2222222-R000002</member></IdList>
<CreationTimestamp>2015-10-30T21:02:38.508Z</CreationTimestamp>
<CaptureStatus><State>Completed</State><LastUpdateTimestamp>2015-10-30T21:02:39.000Z</LastUpdateTimestamp></CaptureStatus>
<SellerCaptureNote/><SoftDescriptor>AMZ*Shop</SoftDescriptor>
</CaptureDetails></GetCaptureDetailsResult>
<ResponseMetadata><RequestId>req-cap</RequestId></ResponseMetadata>
</GetCaptureDetailsResponse>`;

export const refundPending = `<RefundResponse ${NS}><RefundResult><RefundDetails>
<RefundReferenceId>ref-1</RefundReferenceId><RefundType>SellerInitiated</RefundType>
<AmazonRefundId>S01-5695290-1354077-R000001</AmazonRefundId>
<RefundAmount><Amount>5.0</Amount><CurrencyCode>USD</CurrencyCode></RefundAmount>
<FeeRefunded><Amount>0</Amount><CurrencyCode>USD</CurrencyCode></FeeRefunded>
<RefundStatus><State>Pending</State><LastUpdateTimestamp>2015-10-30T21:18:17.000Z</LastUpdateTimestamp></RefundStatus>
<SellerRefundNote>sorry</SellerRefundNote><CreationTimestamp>2015-10-30T21:18:17.000Z</CreationTimestamp>
</RefundDetails></RefundResult><ResponseMetadata><RequestId>req-ref</RequestId></ResponseMetadata></RefundResponse>`;

export const getBillingAgreementDetails = `<GetBillingAgreementDetailsResponse ${NS}>
<GetBillingAgreementDetailsResult><BillingAgreementDetails>
<AmazonBillingAgreementId>C01-5533845-8537141</AmazonBillingAgreementId>
<BillingAgreementLimits>
<AmountLimitPerTimePeriod><Amount>500</Amount><CurrencyCode>USD</CurrencyCode></AmountLimitPerTimePeriod>
<TimePeriodStartDate>2015-11-01T00:00:00Z</TimePeriodStartDate><TimePeriodEndDate>2015-12-01T00:00:00Z</TimePeriodEndDate>
<CurrentRemainingBalance><Amount>480.01</Amount><CurrencyCode>USD</CurrencyCode></CurrentRemainingBalance>
</BillingAgreementLimits>
<BillingAgreementStatus><State>Draft</State><LastUpdatedTimestamp>2015-11-05T10:00:00.000Z</LastUpdatedTimestamp></BillingAgreementStatus>
<Constraints><Constraint><ConstraintID>BuyerConsentNotSet</ConstraintID><Description>The buyer has not given consent for this billing agreement.</Description></Constraint></Constraints>
<BillingAgreementConsent>false</BillingAgreementConsent>
<SellerBillingAgreementAttributes><SellerBillingAgreementId>sub-9</SellerBillingAgreementId></SellerBillingAgreementAttributes>
<ReleaseEnvironment>Sandbox</ReleaseEnvironment>
</BillingAgreementDetails></GetBillingAgreementDetailsResult>
<ResponseMetadata><RequestId>req-ba</RequestId></ResponseMetadata></GetBillingAgreementDetailsResponse>`;

export const authorizeOnBillingAgreement = `<AuthorizeOnBillingAgreementResponse ${NS}><AuthorizeOnBillingAgreementResult>
<AuthorizationDetails><AmazonAuthorizationId>S01-7347515-9699585-A012416</AmazonAuthorizationId><AuthorizationReferenceId>rebill-7</AuthorizationReferenceId>
<AuthorizationAmount><Amount>9.99</Amount><CurrencyCode>USD</CurrencyCode></AuthorizationAmount>
<AuthorizationStatus><State>Declined</State><ReasonCode>InvalidPaymentMethod</ReasonCode></AuthorizationStatus><SoftDecline>true</SoftDecline><IdList/>
</AuthorizationDetails>
<AmazonOrderReferenceId>S01-7347515-9699585</AmazonOrderReferenceId>
</AuthorizeOnBillingAgreementResult><ResponseMetadata><RequestId>req-aoba</RequestId></ResponseMetadata></AuthorizeOnBillingAgreementResponse>`;

export const validateBillingAgreementFailure = `<ValidateBillingAgreementResponse ${NS}><ValidateBillingAgreementResult>
<ValidationResult>Failure</ValidationResult><FailureReasonCode>InvalidPaymentMethod</FailureReasonCode>
<BillingAgreementStatus><State>Suspended</State><ReasonCode>InvalidPaymentMethod</ReasonCode><LastUpdatedTimestamp>2015-11-05T10:00:00Z</LastUpdatedTimestamp></BillingAgreementStatus>
</ValidateBillingAgreementResult><ResponseMetadata><RequestId>req-val</RequestId></ResponseMetadata></ValidateBillingAgreementResponse>`;

export const getServiceStatus = `<GetServiceStatusResponse ${NS}><GetServiceStatusResult>
<Status>GREEN_I</Status><Timestamp>2015-11-05T10:00:00.000Z</Timestamp><MessageId>msg-1</MessageId>
<Messages><Message><Locale>en_US</Locale><Text>Degraded in one zone</Text></Message></Messages>
</GetServiceStatusResult><ResponseMetadata><RequestId>req-status</RequestId></ResponseMetadata></GetServiceStatusResponse>`;

export const getMerchantAccountStatus = `<GetMerchantAccountStatusResponse ${NS}><GetMerchantAccountStatusResult>
<AccountStatus>ACTIVE</AccountStatus></GetMerchantAccountStatusResult><ResponseMetadata><RequestId>req-mas</RequestId></ResponseMetadata></GetMerchantAccountStatusResponse>`;

export const cancelOrderReference = `<CancelOrderReferenceResponse ${NS}><CancelOrderReferenceResult/><ResponseMetadata><RequestId>req-cancel</RequestId></ResponseMetadata></CancelOrderReferenceResponse>`;

export const confirmOrderReference = `<?xml version="1.0"?><ConfirmOrderReferenceResponse ${NS}><ResponseMetadata><RequestId>req-confirm</RequestId></ResponseMetadata></ConfirmOrderReferenceResponse>`;

export const errorNotModifiable = `<ErrorResponse ${NS}>
  <Error><Type>Sender</Type><Code>OrderReferenceNotModifiable</Code>
  <Message>OrderReference S01-5695290-1354077 is not in draft state and cannot be modified with the request submitted by you.</Message></Error>
  <RequestId>6d4699b8-1238-4c09-b539-176e2c2f5462</RequestId>
</ErrorResponse>`;

export const errorThrottled = `<?xml version="1.0"?>
<ErrorResponse ${NS}><Error><Type></Type><Code>RequestThrottled</Code><Message>Request is throttled</Message></Error><RequestID>7a1b2c3d-throttle</RequestID></ErrorResponse>`;
