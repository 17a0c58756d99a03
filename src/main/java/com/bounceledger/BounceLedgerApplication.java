package com.bounceledger;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class BounceLedgerApplication {

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(BounceLedgerApplication.class, args)));
    }
}
