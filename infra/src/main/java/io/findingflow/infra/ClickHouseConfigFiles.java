package io.findingflow.infra;

import java.nio.file.Path;

/** config.xml and users.xml for a private ClickHouse server (18.16 and current servers read both). */
final class ClickHouseConfigFiles {

    private ClickHouseConfigFiles() {}

    static String config(Path dir, StackConfig stack) {
        return """
                <?xml version="1.0"?>
                <yandex>
                    <logger>
                        <level>warning</level>
                        <log>%1$s/log/clickhouse-server.log</log>
                        <errorlog>%1$s/log/clickhouse-server.err.log</errorlog>
                        <size>100M</size>
                        <count>3</count>
                    </logger>
                    <http_port>%2$d</http_port>
                    <tcp_port>%3$d</tcp_port>
                    <interserver_http_port>%4$d</interserver_http_port>
                    <listen_host>127.0.0.1</listen_host>
                    <max_connections>1024</max_connections>
                    <keep_alive_timeout>10</keep_alive_timeout>
                    <max_concurrent_queries>200</max_concurrent_queries>
                    <uncompressed_cache_size>1073741824</uncompressed_cache_size>
                    <mark_cache_size>536870912</mark_cache_size>
                    <path>%1$s/data/</path>
                    <tmp_path>%1$s/tmp/</tmp_path>
                    <user_files_path>%1$s/user_files/</user_files_path>
                    <format_schema_path>%1$s/format_schemas/</format_schema_path>
                    <users_config>%1$s/users.xml</users_config>
                    <default_profile>default</default_profile>
                    <default_database>default</default_database>
                    <timezone>UTC</timezone>
                    <mlock_executable>false</mlock_executable>
                    <builtin_dictionaries_reload_interval>3600</builtin_dictionaries_reload_interval>
                    <max_session_timeout>3600</max_session_timeout>
                    <default_session_timeout>60</default_session_timeout>
                </yandex>
                """.formatted(dir, stack.clickHouseHttpPort(), stack.clickHouseTcpPort(), stack.clickHouseInterserverPort());
    }

    static String users() {
        return """
                <?xml version="1.0"?>
                <yandex>
                    <profiles>
                        <default>
                            <max_memory_usage>4000000000</max_memory_usage>
                            <load_balancing>random</load_balancing>
                        </default>
                    </profiles>
                    <users>
                        <default>
                            <password></password>
                            <networks><ip>::1</ip><ip>127.0.0.1</ip></networks>
                            <profile>default</profile>
                            <quota>default</quota>
                        </default>
                    </users>
                    <quotas>
                        <default>
                            <interval>
                                <duration>3600</duration>
                                <queries>0</queries>
                                <errors>0</errors>
                                <result_rows>0</result_rows>
                                <read_rows>0</read_rows>
                                <execution_time>0</execution_time>
                            </interval>
                        </default>
                    </quotas>
                </yandex>
                """;
    }
}
